// Journey 1: a participant votes through a conversation on a phone-sized screen and adds a statement.
// Usage: node participant.mjs <baseUrl> <conversation> <screenshotDir>
// Prints one JSON line {"participantId"…, "votes": [{statementId, vote}], "statement": text} for the caller to check.
import { journey, newPage, screenshots, check, accessible, PHONE, DESKTOP } from './browser.mjs'

const [base, slug, out] = process.argv.slice(2)
const shot = screenshots(out)
const XSS = '<img src=x onerror=alert(1)>'

await journey('participant', async (browser, problems) => {
  const page = await newPage(browser, PHONE, problems)
  await page.goto(`${base}/c/${slug}`)
  await page.locator('.statement-text').waitFor()
  await shot(page, 'participant-phone')
  await accessible(page, 'participant page')

  // Works at 375 px: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 812 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  check(overflow <= 375, `the page is ${overflow}px wide on a 375px screen`)

  const buttonsTop = async () => (await page.getByRole('button', { name: 'Agree (key A)' }).boundingBox()).y
  const top = await buttonsTop()
  const votes = []
  const kinds = ['agree', 'disagree', 'pass']
  let sawXss = false
  for (let i = 0; i < 100; i++) {
    const card = page.locator('.statement-text')
    if (await page.locator('.statement-done').count() > 0) break
    const id = Number(await card.getAttribute('data-statement-id'))
    const text = await card.textContent()
    if (text === XSS) {
      sawXss = true
      check(await page.locator('.statement-card img').count() === 0, 'a statement was rendered as HTML')
    }
    const vote = kinds[i % 3]
    // buttons for agree, the keyboard (D, P) for the others: both paths are tested
    if (vote === 'agree') await page.getByRole('button', { name: 'Agree (key A)' }).click()
    else await page.keyboard.press(vote === 'disagree' ? 'd' : 'p')
    votes.push({ statementId: id, vote })
    await page.waitForFunction((prev) => {
      const el = document.querySelector('.statement-text')
      return document.querySelector('.statement-done') || (el && Number(el.getAttribute('data-statement-id')) !== prev)
    }, id)
    check(Math.abs((await buttonsTop()) - top) < 1, 'the vote buttons moved between cards (layout jump)')
    const progress = await page.locator('.progress-line').textContent()
    check(progress.startsWith(`${votes.length} voted`), `progress line says "${progress}" after ${votes.length} votes`)
  }
  check(sawXss, 'the statement with markup was never shown')
  check(votes.length >= 3, `only ${votes.length} votes were cast`)
  await page.locator('.statement-done').waitFor()

  // Own statement: the live count, a refusal for a long one, then a good one.
  const box = page.getByLabel('Your statement')
  await box.fill('x'.repeat(150))
  check((await page.locator('#own-count').textContent()).includes('10 too many'), 'the character count does not show the excess')
  await page.getByRole('button', { name: 'Submit statement' }).click()
  check((await page.getByRole('alert').textContent()).includes('10 characters too long'), 'a too-long statement was not refused clearly')
  const statement = 'The engine shed could host a small museum.'
  await box.fill(statement)
  await page.getByRole('button', { name: 'Submit statement' }).click()
  await page.getByText('Thank you! Others will now vote on your statement.').waitFor()
  await box.fill(statement)
  await page.getByRole('button', { name: 'Submit statement' }).click()
  check((await page.getByRole('alert').textContent()).startsWith('This statement already exists'), 'a duplicate was not refused clearly')
  await page.setViewportSize(PHONE)
  // Placed among the other participants: the map with "You" and the group's label.
  await page.locator('.standing .you-label').waitFor({ timeout: 60000 })
  check((await page.locator('.standing').textContent()).includes('You are in Group'), 'the participant is not told their group')
  await shot(page, 'participant-done-phone')
  await accessible(page, 'participant page after voting')

  const token = await page.evaluate((s) => localStorage.getItem('charter:participant:' + s), slug)
  check(token, 'no participant token was kept')

  const desktop = await newPage(browser, DESKTOP, problems)
  await desktop.goto(`${base}/c/${slug}`)
  await desktop.locator('.statement-text').waitFor()
  await shot(desktop, 'participant-desktop')
  console.log(JSON.stringify({ votes, statement }))
})
