// Journey 3: a researcher creates an account, uploads the sample survey and two answer sets, and reads the ranking,
// the world map, a drill-down and a comparison.
// Usage: node researcher.mjs <baseUrl> <surveyCsv> <answersJsonl> <secondAnswersJsonl> <screenshotDir>
import { journey, newPage, screenshots, check, accessible, PHONE, DESKTOP } from './browser.mjs'

const [base, survey, answers, second, out] = process.argv.slice(2)
const shot = screenshots(out)

await journey('researcher', async (browser, problems) => {
  const page = await newPage(browser, DESKTOP, problems)
  await page.goto(`${base}/research`)
  await page.getByText('No dataset yet').waitFor()

  // Uploading needs an account: create one in place.
  await page.getByRole('button', { name: 'sign in or create an account' }).first().click()
  await page.getByRole('button', { name: 'Create an account' }).click()
  await page.getByLabel('Email').fill(`researcher-${Date.now()}@example.org`)
  await page.getByLabel('Your name').fill('Rae Researcher')
  await page.getByLabel(/^Password/).fill('correct horse battery')
  await page.getByRole('button', { name: 'Create account' }).click()

  await page.getByLabel('Survey CSV').setInputFiles(survey)
  await page.locator('section', { hasText: '1 · Survey dataset' }).getByLabel('Name').fill('GlobalOpinionQA sample')
  await page.getByRole('button', { name: 'Upload dataset' }).click()
  const stored = await page.locator('.upload-summary .success').textContent()
  check(/279 questions/.test(stored) && /countries/.test(stored), `the upload summary says: ${stored}`)
  await shot(page, 'research-dataset-desktop')

  await page.getByLabel('Answers file').setInputFiles(answers)
  await page.locator('section', { hasText: '2 · Model answers' }).getByLabel('Name').fill('country-average-baseline')
  await page.getByRole('button', { name: 'Upload answers' }).click()
  await page.getByText('Stored “country-average-baseline”').waitFor()

  // Ranking with intervals, and the map coloured by similarity.
  await page.locator('.ranking-table tbody tr').nth(20).waitFor({ timeout: 60000 })
  const rows = await page.locator('.ranking-table tbody tr').count()
  check(rows > 50, `the ranking has ${rows} countries`)
  const ci = await page.locator('.ranking-table tbody tr').first().locator('.ci-text').textContent()
  check(/^\d\.\d\d–\d\.\d\d$/.test(ci), `the first row's interval reads "${ci}"`)
  const coloured = await page.locator('path.country.has-value').count()
  check(coloured > 50, `only ${coloured} countries are coloured on the map`)
  const brazil = page.locator('path.country[data-iso3=BRA]')
  await brazil.hover()
  const tip = await page.locator('.map-tooltip').textContent()
  check(tip.startsWith('Brazil') && tip.includes('similarity'), `hovering Brazil shows "${tip}"`)
  await shot(page, 'research-results-desktop')
  await accessible(page, 'research results')

  // Drill-down: a country's questions, least similar first, then the paired bars of one question.
  await brazil.click()
  await page.locator('.question-button').first().click()
  await page.locator('.paired-bars tbody tr').first().waitFor()
  check(await page.locator('.paired-bars .pb-country').count() >= 2, 'the drill-down has no bars for the country')

  // A second answer set, and the comparison.
  await page.getByLabel('Answers file').setInputFiles(second)
  await page.locator('section', { hasText: '2 · Model answers' }).getByLabel('Name').fill('uniform-baseline')
  await page.getByRole('button', { name: 'Upload answers' }).click()
  await page.getByText('Stored “uniform-baseline”').waitFor()
  await page.getByLabel('Change from').selectOption({ label: 'country-average-baseline' })
  await page.locator('.change-row').nth(10).waitFor({ timeout: 60000 })
  check(await page.locator('.compare path.country.has-value').count() > 50, 'the comparison map is not coloured')
  await page.locator('.ranking-table tbody tr', { hasText: 'Brazil' }).first().click()
  await page.locator('.question-button').nth(1).click()
  await page.locator('.paired-bars tbody tr').first().waitFor()
  await shot(page, 'research-compare-desktop')
  await accessible(page, 'drill-down and comparison')

  const phone = await newPage(browser, PHONE, problems)
  await phone.goto(`${base}/research`)
  await phone.locator('.ranking-table tbody tr').first().waitFor({ timeout: 60000 })
  await shot(phone, 'research-phone')
  const landing = await newPage(browser, DESKTOP, problems)
  await landing.goto(base + '/')
  await shot(landing, 'landing-desktop')
  await accessible(landing, 'start page')
  const landingPhone = await newPage(browser, PHONE, problems)
  await landingPhone.goto(base + '/')
  await shot(landingPhone, 'landing-phone')
})
