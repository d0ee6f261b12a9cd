/** The constitution API's shapes (org.charter.constitution.Constitution and friends) and the builder's pure logic. */

export interface Evidence {
  statementId: number; text: string; consensus: number; bridging?: number | null
  groupAgreement: Record<string, number>; votes: number; similarity: number
}
export interface ConstitutionPrinciple {
  text: string; cai?: string | null; statementIds: number[]; consensus: number; bridging?: number | null
  groupAgreement: Record<string, number>; votes: number; statements?: Evidence[]; note?: string | null
}
export interface Excluded { statementIds: number[]; text?: string | null; reason: string; detail?: string | null; groupAgreement?: Record<string, number>; votes: number }
export interface Parameters { minGroupAgreement: number; minGroupVotes: number; minBridging?: number | null; rankBy: string; mergeThreshold: number }
export interface ConstitutionDoc {
  title: string; principles: ConstitutionPrinciple[]; excluded: Excluded[]; parameters: Parameters
  version?: { number: number; published: boolean; publishedAt?: string | number | null; note?: string | null } | null
}
export interface VersionSummary { version: number; title: string; note?: string | null; principles: number; createdBy?: string; createdAt: string | number; published: boolean }
export interface VersionDiff {
  from: number; to: number; unchanged: number
  added: { position: number; text: string }[]; removed: { position: number; text: string }[]
  reworded: { position: number; before: string; after: string }[]; moved: { text: string; fromPosition: number; toPosition: number }[]
  regrouped: { position: number; text: string; before: number[]; after: number[] }[]
}

/** A principle being curated: its wording (and the statement's own wording beside it), statements and evidence. */
export interface Draft {
  key: string; text: string; original: string; statementIds: number[]; evidence: Evidence[]
  groupAgreement: Record<string, number>; note: string
}
export interface Dropped { key: string; text: string; statementIds: number[]; reason: string }

export function fromDoc(doc: ConstitutionDoc): { principles: Draft[]; dropped: Dropped[] } {
  return {
    principles: doc.principles.map((p, i) => ({
      key: `p${i}-${p.statementIds.join('-')}`,
      text: p.text,
      original: p.statements?.[0]?.text ?? p.text,
      statementIds: [...p.statementIds],
      evidence: p.statements ?? [],
      groupAgreement: p.groupAgreement,
      note: p.note ?? '',
    })),
    dropped: [],
  }
}

/** Moves the item at from to position to (both 0-based), as drag-and-drop and the arrow buttons do. */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item)
  return copy
}

/** Takes one statement out of a merged principle and makes it a principle of its own, right after it. */
export function split(list: Draft[], index: number, statementId: number): Draft[] {
  const p = list[index]
  if (!p || p.statementIds.length < 2 || !p.statementIds.includes(statementId)) return list
  const ev = p.evidence.find((e) => e.statementId === statementId)
  const rest: Draft = { ...p, statementIds: p.statementIds.filter((id) => id !== statementId), evidence: p.evidence.filter((e) => e.statementId !== statementId) }
  if (p.statementIds[0] === statementId) {
    // the wording came from the statement taken out: word the rest after its new first statement
    const first = rest.evidence[0]
    if (first && p.text === p.original) { rest.text = first.text }
    rest.original = first?.text ?? rest.original
  }
  const alone: Draft = {
    key: `${p.key}-s${statementId}`, text: ev?.text ?? `Statement ${statementId}`, original: ev?.text ?? '', statementIds: [statementId],
    evidence: ev ? [ev] : [], groupAgreement: ev?.groupAgreement ?? {}, note: '',
  }
  return [...list.slice(0, index), rest, alone, ...list.slice(index + 1)]
}

/** Merges principle b into principle a (a keeps its wording). */
export function merge(list: Draft[], a: number, b: number): Draft[] {
  if (a === b || !list[a] || !list[b]) return list
  const merged: Draft = { ...list[a], statementIds: [...list[a].statementIds, ...list[b].statementIds], evidence: [...list[a].evidence, ...list[b].evidence] }
  return list.map((p, i) => (i === a ? merged : p)).filter((_, i) => i !== b)
}

/** The body of POST …/constitution/versions. */
export function saveBody(title: string, note: string, parameters: Parameters | undefined, principles: Draft[], dropped: Dropped[]) {
  return {
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(parameters ? { parameters: { ...parameters, rankBy: parameters.rankBy.toLowerCase() } } : {}),
    principles: principles.map((p) => ({ text: p.text.trim(), statementIds: p.statementIds, ...(p.note.trim() ? { note: p.note.trim() } : {}) })),
    dropped: dropped.map((d) => ({ statementIds: d.statementIds, reason: d.reason.trim() || 'dropped by the organizer' })),
  }
}
