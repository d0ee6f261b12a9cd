// Journey 4 (needs the constitution API): an organizer curates the draft constitution (merges two near-duplicates,
// rewords one, drops one with a reason), saves two versions, compares them and publishes; a participant then reads
// the published principles on a phone.
// Usage: node constitution.mjs <baseUrl> <conversation> <email> <password> <screenshotDir>
// The conversation needs at least four candidate principles (statements every group agrees with).
import { journey, newPage, screenshots, check, accessible, PHONE, DESKTOP } from './browser.mjs'

const [base, slug, email, password, out] = process.argv.slice(2)
const shot = screenshots(out)

await journey('constitution', async (browser, problems) => {
  const page = await newPage(browser, DESKTOP, problems)
  await page.goto(`${base}/organize`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your conversations' }).waitFor()
  await page.goto(`${base}/organize/c/${slug}/constitution`)
  await page.locator('.cb-item').nth(3).waitFor({ timeout: 60000 })
  const before = await page.locator('.cb-item').count()

  await page.locator('.cb-item').nth(0).getByRole('button', { name: 'Merge with…' }).click()
  await page.locator('.cb-item').nth(2).getByRole('button', { name: 'Merge into 1' }).click()
  await page.getByText('Merged from 2 similar statements').waitFor()
  const reworded = 'The assistant should never help anyone harm other people.'
  await page.getByLabel('Wording of principle 2').fill(reworded)
  await page.locator('.cb-original').first().waitFor()
  await page.getByRole('button', { name: `Save ${before - 1} principles` }).click()
  await page.getByText('Saved as version 1.').waitFor()

  await page.getByRole('button', { name: 'Move principle 3 up' }).click()
  await page.locator('.cb-item').last().getByRole('button', { name: 'Drop…' }).click()
  await page.getByLabel('Why drop it').fill('covered by principle 1')
  await page.getByRole('button', { name: 'Drop', exact: true }).click()
  await page.getByRole('button', { name: `Save ${before - 2} principles` }).click()
  await page.getByText('Saved as version 2.').waitFor()
  const diff = await page.locator('.diff').textContent()
  check(diff.includes('Removed') && diff.includes('Moved'), `the diff of versions 1 and 2 reads: ${diff}`)
  await page.locator('tbody tr').nth(1).getByRole('button', { name: 'Publish' }).click()
  await page.locator('.badge.open', { hasText: 'published' }).waitFor()
  await shot(page, 'organizer-constitution-desktop')
  await accessible(page, 'constitution builder')

  const phone = await newPage(browser, PHONE, problems)
  await phone.goto(`${base}/c/${slug}`)
  await phone.locator('.principles li').nth(before - 3).waitFor()
  check((await phone.locator('.principles').textContent()).includes(reworded), 'the published constitution lacks the reworded principle')
  check(/Agreed by at least \d+% of every group/.test(await phone.locator('.principles .support').first().textContent()), 'no per-group support shown')
  await shot(phone, 'participant-constitution-phone')
  await accessible(phone, 'published constitution')
})
