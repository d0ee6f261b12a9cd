import { describe, expect, it } from 'vitest'
import { problemMessage, sentence } from './api'
import { ago, cleanStatement, groupLabel, percent, shares, statementLength } from './format'
import { markdownToHtml } from './markdown'
import { fieldName, seedLines } from '../pages/organizer/CreateConversation'
import { onePerCode, skippedText } from '../pages/research/Research'
import { numericCode } from '../pages/research/WorldMap'

describe('API errors become sentences', () => {
  it('uses the problem document detail, capitalized with a full stop', () => {
    const e = problemMessage(409, JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409,
      detail: 'this statement already exists (statement 12)', where: 'text' }), 'application/problem+json')
    expect(e.message).toBe('This statement already exists (statement 12).')
    expect(e.where).toBe('text')
    expect(e.status).toBe(409)
  })
  it('never shows raw JSON or HTML: falls back to a sentence for the status', () => {
    expect(problemMessage(502, '<html>Bad gateway</html>', 'text/html').message).toBe('The server cannot be reached. Try again in a moment.')
    expect(problemMessage(401, '{"title":"Unauthorized","detail":"Unauthorized","status":401}', 'application/problem+json').message)
      .toBe('Please sign in first.')
    expect(problemMessage(418, 'teapot', 'text/plain').message).toBe('The request failed (HTTP 418). Try again.')
  })
  it('keeps a sentence that already ends', () => {
    expect(sentence('closed!')).toBe('Closed!')
    expect(sentence('  a statement must not be empty ')).toBe('A statement must not be empty.')
  })
})

describe('formatting', () => {
  it('labels groups with letters', () => {
    expect(groupLabel(0)).toBe('Group A')
    expect(groupLabel(2)).toBe('Group C')
  })
  it('prints shares and times', () => {
    expect(percent(0.426)).toBe('43%')
    expect(percent(null)).toBe('–')
    const now = Date.parse('2026-01-01T12:00:00Z')
    expect(ago('2026-01-01T11:57:00Z', now)).toBe('3 minutes ago')
    expect(ago('2026-01-01T11:59:50Z', now)).toBe('just now')
    expect(ago(null, now)).toBe('no activity yet')
    // Jackson writes Instants as epoch seconds with a fraction
    expect(ago(now / 1000 - 7200.5, now)).toBe('2 hours ago')
    expect(ago(String(now / 1000 - 90), now)).toBe('2 minutes ago')
    expect(shares({ agree: 3, disagree: 1, pass: 0 })).toEqual({ agree: 0.75, disagree: 0.25, pass: 0, total: 4 })
  })
})

describe('statement length', () => {
  it('counts as the server does: cleaned text, code points', () => {
    expect(cleanStatement('  Parks   matter.\n\n\n Really ')).toBe('Parks matter.\nReally')
    expect(statementLength('  Parks   matter. ')).toBe(13)
    expect(statementLength('🌳🌳')).toBe(2)
  })
})

describe('Markdown descriptions are safe', () => {
  it('renders formatting', () => {
    expect(markdownToHtml('**12 acres**')).toContain('<strong>12 acres</strong>')
  })
  it('drops scripts, event handlers and javascript: links', () => {
    const html = markdownToHtml('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) <b onclick="alert(4)">b</b>')
    expect(html).not.toMatch(/onerror|<script|javascript:|onclick/)
  })
  it('opens links in a new tab without handing over the page', () => {
    expect(markdownToHtml('[site](https://example.org)')).toContain('rel="noopener noreferrer nofollow"')
  })
})

describe('creating a conversation', () => {
  it('reads seed statements one per line, without bullets or blank lines', () => {
    expect(seedLines('- Parks matter.\n\n  2. Housing first  \n• Keep the shed\nplain')).toEqual(['Parks matter.', 'Housing first', 'Keep the shed', 'plain'])
  })
  it('names the field an error is about', () => {
    expect(fieldName('seedStatements[3]')).toBe('Seed statement on line 4')
    expect(fieldName('slug')).toBe('Link name')
    expect(fieldName('unknown')).toBeNull()
  })
})

describe('world map data', () => {
  it('maps ISO alpha-3 codes to the numeric ids of world-atlas', () => {
    expect(numericCode('JPN')).toBe('392')
    expect(numericCode('AFG')).toBe('004')
  })
  it('keeps the sample compared on most questions when a country has several', () => {
    const rows = [{ country: 'India (Old national sample)', iso3: 'IND', questions: 3 },
      { country: 'India (Current national sample)', iso3: 'IND', questions: 40 }, { country: 'Northern Ireland', iso3: null, questions: 9 }]
    expect(onePerCode(rows).map((r) => r.country)).toEqual(['India (Current national sample)'])
  })
  it('says what was left out of a comparison in words', () => {
    expect(skippedText({ zeroOrMissingShares: 10, unanswered: 0, fewQuestions: 1 }))
      .toBe(' Left out: 10 question–country pairs without shares, 1 country with fewer questions than asked for.')
    expect(skippedText(undefined)).toBe('')
  })
})
