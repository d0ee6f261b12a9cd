/** Small formatting helpers shared by the pages. */

export const GROUP_LETTERS = 'ABCDEFGHIJ'

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const GROUP_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#8C6D00', '#000000']

/** The same hues darkened for text on white (WCAG AA, at least 4.5:1). */
export const GROUP_TEXT_COLORS = ['#0072B2', '#8F5B00', '#007A5A', '#A14A82', '#B34F00', '#1F6F99', '#7A5F00', '#000000']

export function groupTextColor(id: number): string {
  return GROUP_TEXT_COLORS[id % GROUP_TEXT_COLORS.length]
}

export function groupLabel(id: number): string {
  return 'Group ' + (GROUP_LETTERS[id] ?? String(id + 1))
}

export function groupColor(id: number): string {
  return GROUP_COLORS[id % GROUP_COLORS.length]
}

export function percent(fraction: number | null | undefined, digits = 0): string {
  if (fraction == null || Number.isNaN(fraction)) return '–'
  return (fraction * 100).toFixed(digits) + '%'
}

export function fixed(value: number | null | undefined, digits = 3): string {
  if (value == null || Number.isNaN(value)) return '–'
  return value.toFixed(digits)
}

export function count(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/** An API time: an ISO-8601 text, or epoch seconds with a fraction (Jackson's default for Instant). */
export type Time = string | number

/** Milliseconds since the epoch of an API time, NaN when it cannot be read. */
export function toMillis(time: Time): number {
  if (typeof time === 'number') return time * 1000
  if (/^\d+(\.\d+)?$/.test(time)) return Number(time) * 1000
  return Date.parse(time)
}

/** "3 minutes ago", "yesterday", or a date. */
export function ago(time: Time | null | undefined, now: number = Date.now()): string {
  if (time == null || time === '') return 'no activity yet'
  const t = toMillis(time)
  if (Number.isNaN(t)) return '–'
  const s = Math.max(0, Math.round((now - t) / 1000))
  if (s < 45) return 'just now'
  const m = Math.round(s / 60)
  if (m < 60) return count(m, 'minute') + ' ago'
  const h = Math.round(m / 60)
  if (h < 24) return count(h, 'hour') + ' ago'
  const d = Math.round(h / 24)
  if (d === 1) return 'yesterday'
  if (d < 30) return count(d, 'day') + ' ago'
  return new Date(t).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' })
}

/** Share of a tally, smoothed nowhere: raw fractions for bars. */
export function shares(t: { agree: number; disagree: number; pass: number }): { agree: number; disagree: number; pass: number; total: number } {
  const total = t.agree + t.disagree + t.pass
  if (total === 0) return { agree: 0, disagree: 0, pass: 0, total }
  return { agree: t.agree / total, disagree: t.disagree / total, pass: t.pass / total, total }
}

/** A statement as the server stores it (StatementText.clean): runs of spaces collapsed, blank lines dropped, trimmed. */
export function cleanStatement(text: string): string {
  return text.replace(/[\t\v\f\r ]+/g, ' ').replace(/ *\n+ */g, '\n').trim()
}

/** Characters as the server counts them (Unicode code points of the cleaned text). */
export function statementLength(text: string): number {
  return [...cleanStatement(text)].length
}
