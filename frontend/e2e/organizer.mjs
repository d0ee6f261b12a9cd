// Journey 2: an organizer signs in, creates a conversation, removes a statement in the moderation queue, and the
// statement disappears for participants.
// Usage: node organizer.mjs <baseUrl> <conversation> <email> <password> <statementToRemove> <screenshotDir>
import { journey, newPage, screenshots, check, accessible, PHONE, DESKTOP } from './browser.mjs'

const [base, slug, email, password, removeText, out] = process.argv.slice(2)
const shot = screenshots(out)

await journey('organizer', async (browser, problems) => {
  const page = await newPage(browser, DESKTOP, problems)
  await page.goto(`${base}/organize`)
  await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  await shot(page, 'organizer-sign-in-desktop')
  await accessible(page, 'sign-in page')
  // a wrong password is refused with a sentence
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const refusal = await page.getByRole('alert').textContent()
  check(refusal.length > 10 && !refusal.includes('{'), `sign-in refusal is not a sentence: ${refusal}`)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your conversations' }).waitFor()
  await page.locator('table.conversations tbody tr').first().waitFor()
  await shot(page, 'organizer-list-desktop')
  await accessible(page, 'conversation list')

  // Create a conversation with a Markdown description and seed statements pasted one per line.
  await page.getByRole('link', { name: 'New conversation' }).click()
  await page.getByLabel(/^Topic/).fill('How should the library spend its new budget?')
  await page.getByLabel(/^Link name/).fill('library-budget')
  await page.getByLabel(/^Description/).fill('The library has **€40,000** to spend next year.\n\n- open longer\n- more books\n- a maker space')
  await page.getByLabel(/^Seed statements/).fill('Open on Sundays.\nBuy more e-books.\n\nBuild a maker space.')
  await page.locator('.preview strong', { hasText: '€40,000' }).waitFor()
  await shot(page, 'organizer-create-desktop')
  await accessible(page, 'new conversation form')
  await page.getByRole('button', { name: 'Create conversation' }).click()
  await page.getByText('The conversation is ready').waitFor()
  const link = await page.getByLabel('Public link').inputValue()
  check(link.endsWith('/c/library-budget'), `the public link is ${link}`)
  await shot(page, 'organizer-overview-desktop')
  // Settings change in place.
  await page.getByRole('button', { name: 'Edit' }).click()
  await page.locator('.edit-settings').getByLabel('Topic').fill('How should the library spend next year’s budget?')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByRole('heading', { name: 'How should the library spend next year’s budget?' }).waitFor()

  // Remove a statement from the seeded conversation with the moderation queue's keyboard.
  await page.goto(`${base}/organize/c/${slug}/moderate`)
  await page.getByRole('tab', { name: 'All' }).click()
  const row = page.locator('li.mod-row', { hasText: removeText })
  await row.waitFor()
  await shot(page, 'organizer-moderation-desktop')
  await accessible(page, 'moderation queue')
  await row.focus()
  await page.keyboard.press('r')
  await row.locator('.badge.rejected').waitFor()

  // A participant no longer sees it: vote through everything on a phone.
  const phone = await newPage(browser, PHONE, problems)
  await phone.goto(`${base}/c/${slug}`)
  for (let i = 0; i < 100; i++) {
    await phone.locator('.statement-text, .statement-done').first().waitFor()
    if (await phone.locator('.statement-done').count() > 0) break
    const text = await phone.locator('.statement-text').textContent()
    check(text !== removeText, 'the removed statement was shown to a participant')
    const before = await phone.locator('.statement-text').getAttribute('data-statement-id')
    await phone.getByRole('button', { name: 'Pass / Unsure (key P)' }).click()
    await phone.waitForFunction((prev) => {
      const el = document.querySelector('.statement-text')
      return document.querySelector('.statement-done') || (el && el.getAttribute('data-statement-id') !== prev)
    }, before)
  }

  // The report (opinion map, groups) and the list on a phone.
  await page.goto(`${base}/organize/c/${slug}/report`)
  await page.locator('.report, .panel.empty').first().waitFor()
  await page.locator('.opinion-map svg').waitFor({ timeout: 60000 })
  check(await page.locator('.group-card').count() >= 2, 'the report shows fewer than two opinion groups')
  await page.locator('.breakdown-list li').first().waitFor()
  check((await page.locator('.breakdown').textContent()).includes('Old town'), 'the breakdown by district does not name the answers')
  await shot(page, 'organizer-report-desktop')
  await accessible(page, 'report')
  const small = await newPage(browser, PHONE, problems)
  await small.goto(`${base}/organize`)
  await small.getByLabel('Email').fill(email)
  await small.getByLabel('Password').fill(password)
  await small.getByRole('button', { name: 'Sign in' }).click()
  await small.getByRole('heading', { name: 'Your conversations' }).waitFor()
  await small.locator('table.conversations tbody tr').first().waitFor()
  await shot(small, 'organizer-list-phone')
  await small.goto(`${base}/organize/c/${slug}/moderate`)
  await small.locator('li.mod-row').first().waitFor()
  await shot(small, 'organizer-moderation-phone')
  await small.goto(`${base}/organize/c/${slug}/report`)
  await small.locator('.report, .panel.empty').first().waitFor()
  await shot(small, 'organizer-report-phone')
})
