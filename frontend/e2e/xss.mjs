// Journey 5: statements written as HTML and script (seeds and participants' own) are shown as text everywhere a
// person reads them — the participant's card, the organizer's moderation queue, report and constitution builder, and
// the published constitution — and never run: window.__xss stays unset and no <img src=x> element exists.
// Usage: node xss.mjs <baseUrl> <conversation> <email> <password> <screenshotDir> <ownStatement> <hostileText>...
// ownStatement is submitted through the participant page; the hostile texts are already in the conversation.
import { journey, newPage, screenshots, check, PHONE, DESKTOP } from './browser.mjs'

const [base, slug, email, password, out, own, ...hostile] = process.argv.slice(2)
const shot = screenshots(out)

/** Nothing ran and nothing was parsed as markup: the checks after every page. */
async function inert(page, where) {
  const found = await page.evaluate(() => ({
    ran: typeof window.__xss !== 'undefined',
    images: document.querySelectorAll('img[src="x"], img[onerror], iframe, script:not([src]):not([type="module"])').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }))
  check(!found.ran, `${where}: an injected script ran (window.__xss is set)`)
  check(found.images === 0, `${where}: ${found.images} element(s) came from statement markup (img, iframe, inline script)`)
  check(found.handlers === 0, `${where}: ${found.handlers} element(s) carry inline event handlers`)
}

/**
 * The page shows every one of these texts literally (as characters, not markup). Waits up to 15 s for them: a list
 * may still be loading (the moderation queue shows the pending statements before "All" has arrived).
 */
async function showsLiterally(page, locator, texts, where) {
  let joined = ''
  for (let waited = 0; waited <= 15000; waited += 250) {
    joined = (await page.locator(locator).allTextContents()).join('\n')
    if (texts.every((t) => joined.includes(t))) return
    await page.waitForTimeout(250)
  }
  for (const t of texts) check(joined.includes(t), `${where}: the text ${t} is not shown as written`)
}

await journey('xss', async (browser, problems) => {
  // The participant votes through every statement on a phone; each card shows its text as written.
  const phone = await newPage(browser, PHONE, problems)
  await phone.goto(`${base}/c/${slug}`)
  await phone.locator('.statement-text, .statement-done').first().waitFor()
  const seen = []
  for (let i = 0; i < 100; i++) {
    if (await phone.locator('.statement-done').count() > 0) break
    const card = phone.locator('.statement-text')
    const id = await card.getAttribute('data-statement-id')
    seen.push(await card.textContent())
    await inert(phone, `participant card ${seen.length}`)
    if (hostile.includes(seen[seen.length - 1])) await shot(phone, 'xss-participant-card-phone')
    await phone.getByRole('button', { name: 'Agree (key A)' }).click()
    await phone.waitForFunction((prev) => {
      const el = document.querySelector('.statement-text')
      return document.querySelector('.statement-done') || (el && el.getAttribute('data-statement-id') !== prev)
    }, id)
  }
  for (const t of hostile) check(seen.includes(t), `the participant's cards never showed ${t} as written; they showed ${JSON.stringify(seen)}`)
  // The participant's own statement, typed as markup.
  await phone.getByLabel('Your statement').fill(own)
  await phone.getByRole('button', { name: 'Submit statement' }).click()
  await phone.getByText('Thank you! Others will now vote on your statement.').waitFor()
  await inert(phone, 'participant page after submitting')
  // The published constitution below the card.
  await phone.locator('.principles li').first().waitFor()
  await showsLiterally(phone, '.principles', hostile.filter((t) => t.startsWith('<')), 'published constitution')
  await inert(phone, 'published constitution')
  await shot(phone, 'xss-participant-constitution-phone')

  // The organizer's pages.
  const page = await newPage(browser, DESKTOP, problems)
  await page.goto(`${base}/organize`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your conversations' }).waitFor()
  await inert(page, 'conversation list')

  await page.goto(`${base}/organize/c/${slug}/moderate`)
  await page.getByRole('tab', { name: 'All' }).click()
  await page.locator('li.mod-row', { hasText: own }).waitFor()
  await showsLiterally(page, 'li.mod-row', [...hostile, own], 'moderation queue')
  await inert(page, 'moderation queue')
  await shot(page, 'xss-moderation-desktop')

  await page.goto(`${base}/organize/c/${slug}/report`)
  await page.locator('.report .rep-list li').first().waitFor({ timeout: 60000 })
  const report = (await page.locator('.report').textContent())
  check(hostile.some((t) => report.includes(t)), 'the report shows none of the statements as written')
  await inert(page, 'report')
  await shot(page, 'xss-report-desktop')

  await page.goto(`${base}/organize/c/${slug}/constitution`)
  await page.locator('.cb-item').first().waitFor()
  const wordings = await page.locator('.cb-item textarea').evaluateAll((areas) => areas.map((a) => a.value))
  check(hostile.some((t) => wordings.includes(t)), `the constitution builder shows none of the statements as written: ${JSON.stringify(wordings)}`)
  await inert(page, 'constitution builder')
  await shot(page, 'xss-constitution-desktop')
})
