// Shared helpers of the end-to-end journeys: launch Debian's Chromium through playwright-core, screenshots, checks.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1440, height: 900 }

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary profile (its own --user-data-dir,
 * removed on close), so no state leaks between runs.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  })
  return {
    browser,
    async close() {
      await browser.close()
    },
  }
}

/** A page that fails the journey on any uncaught error or dialog (an alert would mean injected script ran). */
const opened = []

export async function newPage(browser, viewport, problems) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('dialog', async (d) => { problems.push(`unexpected dialog: ${d.message()}`); await d.dismiss() })
  page.on('console', (m) => { if (m.type() === 'error' && !/status of (401|404|409)/.test(m.text())) problems.push(`console error: ${m.text()}`) })
  page.setDefaultTimeout(15000)
  opened.push(page)
  return page
}

let shotDir = null

export function screenshots(dir) {
  shotDir = dir
  mkdirSync(dir, { recursive: true })
  return async (page, name) => {
    // settled: fonts loaded and no card still sliding in
    await page.evaluate(async () => {
      await document.fonts?.ready
      await Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {})))
    })
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message)
}

/** Runs a journey: prints what failed and exits 1, so the JUnit side can show it. */
export async function journey(name, body) {
  const problems = []
  const { browser, close } = await launch()
  try {
    await body(browser, problems)
    if (problems.length > 0) throw new Error(problems.join('\n'))
    console.log(`${name}: passed`)
  } catch (e) {
    console.error(`${name}: FAILED\n${e.stack ?? e}`)
    process.exitCode = 1
    // what the pages showed when it failed, for the person reading the report
    for (const [i, page] of opened.entries()) {
      if (!shotDir || page.isClosed()) continue
      const file = join(shotDir, `failed-${name}-${i}.png`)
      await page.screenshot({ path: file, fullPage: true }).then(() => console.error(`screenshot: ${file} (${page.url()})`), () => {})
      // the screenshot stays on the machine that ran the tests; the text travels with the report
      const text = await page.evaluate(() => document.body.innerText).catch(() => '')
      if (text) console.error(`page ${i} read:\n${text.replace(/\n{2,}/g, '\n').slice(0, 2000)}`)
    }
    if (problems.length > 0) console.error(`problems seen on the pages:\n${problems.join('\n')}`)
  } finally {
    await close()
  }
}

const AXE = new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname

/**
 * Accessibility check with axe-core (WCAG 2 A/AA rules): fails on serious or critical violations, such as a
 * button without a name or text below AA contrast.
 */
export async function accessible(page, what) {
  await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }))
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length > 0) {
    throw new Error(`${what}: accessibility problems:\n` + bad.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ` +
      v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary ?? '').replace(/\s+/g, ' ')).join('\n    ')).join('\n'))
  }
}
