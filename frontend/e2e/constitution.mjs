// Journey 4 (needs the constitution API): an organizer curates the draft constitution (merges two near-duplicates,
// rewords one, drops one with a reason), saves two versions, compares them and publishes; a participant then reads
// the published principles on a phone.
// Usage: node constitution.mjs <baseUrl> <conversation> <email> <password> <screenshotDir> <duplicate1> <duplicate2> <toReword> <newWording>
// The conversation needs at least four candidate principles (statements every group agrees with), two of which
// (duplicate1, duplicate2) say the same thing.
import { journey, newPage, screenshots, check, accessible, PHONE, DESKTOP } from './browser.mjs'

const [base, slug, email, password, out, duplicate1, duplicate2, toReword, reworded] = process.argv.slice(2)
const shot = screenshots(out)

await journey('constitution', async (browser, problems) => {
  const page = await newPage(browser, DESKTOP, problems)
  await page.goto(`${base}/organize`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your conversations' }).waitFor()
  await page.goto(`${base}/organize/c/${slug}/constitution`)
  // the draft comes from the latest analysis, which follows the votes by a moment
  for (let i = 0; i < 30 && await page.locator('.cb-item').count() < 4; i++) {
    await page.waitForTimeout(2000)
    await page.getByRole('button', { name: 'Rebuild the draft' }).click()
  }
  const before = await page.locator('.cb-item').count()
  check(before >= 4, `the draft shows ${before} principles after a minute of rebuilding; the journey needs 4`)
  // the principles are ordered by the analysis: find them by their wording
  const indexOf = (text) => page.locator('.cb-item textarea').evaluateAll((areas, t) => areas.findIndex((a) => a.value === t), text)

  const a = await indexOf(duplicate1)
  const b = await indexOf(duplicate2)
  check(a >= 0 && b >= 0, `the draft lacks "${duplicate1}" or "${duplicate2}"`)
  await page.locator('.cb-item').nth(a).getByRole('button', { name: 'Merge with…' }).click()
  await page.locator('.cb-item').nth(b).getByRole('button', { name: `Merge into ${a + 1}` }).click()
  await page.getByText('Merged from 2 similar statements').waitFor()
  const r = await indexOf(toReword)
  await page.getByLabel(`Wording of principle ${r + 1}`).fill(reworded)
  await page.locator('.cb-original').first().waitFor()
  await page.getByRole('button', { name: `Save ${before - 1} principles` }).click()
  await page.getByText('Saved as version 1.').waitFor()

  await page.getByRole('button', { name: 'Move principle 3 up' }).click()
  // drop a principle that is neither the merged nor the reworded one
  const drop = await page.locator('.cb-item').evaluateAll((items, kept) =>
    items.findIndex((li) => !li.querySelector('.cb-merged') && li.querySelector('textarea').value !== kept), reworded)
  await page.locator('.cb-item').nth(drop).getByRole('button', { name: 'Drop…' }).click()
  await page.getByLabel('Why drop it').fill('the organizers leave this to a later round')
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
