import { useEffect, useState } from 'preact/hooks'
import { ApiError, get, post } from '../../lib/api'
import { getOptional } from '../../lib/participant'
import { ago, GROUP_LETTERS, percent } from '../../lib/format'
import { ErrorNote, Progress, useAsync } from '../../components/common'
import {
  type ConstitutionDoc, type Draft, type Dropped, type VersionDiff, type VersionSummary, fromDoc, merge, move, saveBody, split,
} from './constitution'

const FORMATS: [string, string][] = [['md', 'Markdown'], ['json', 'JSON'], ['csv', 'CSV'], ['cai', 'CAI list']]

/** Each group's agree share: "A 68% · B 5% agree". */
function shares(groupAgreement: Record<string, number>): string {
  const entries = Object.entries(groupAgreement).sort(([a], [b]) => Number(a) - Number(b))
  return entries.map(([g, v]) => `${GROUP_LETTERS[Number(g)] ?? g} ${percent(v)}`).join(' · ') + ' agree'
}

function support(groupAgreement: Record<string, number>): string {
  const entries = Object.entries(groupAgreement).sort(([a], [b]) => Number(a) - Number(b))
  if (entries.length === 0) return 'no group votes yet'
  const least = Math.min(...entries.map(([, v]) => v))
  return `at least ${percent(least)} of every group agree (${entries.map(([g, v]) => `${GROUP_LETTERS[Number(g)] ?? g} ${percent(v)}`).join(' · ')})`
}

/**
 * The constitution builder: the draft's candidates with their evidence and merged near-duplicates; reorder (drag or
 * arrows), reword (the statement's wording stays beside it), split or merge, drop with a reason; save as a version,
 * compare versions, publish, download.
 */
export function ConstitutionBuilder({ base }: { base: string }) {
  const c = `${base}/constitution`
  const [minAgreement, setMinAgreement] = useState(0.6)
  const [rankBy, setRankBy] = useState('consensus')
  const params = `minGroupAgreement=${minAgreement}&rankBy=${rankBy}`
  const draft = useAsync(() => getOptional<ConstitutionDoc>(`${c}/draft?${params}`), [c, params])
  const [principles, setPrinciples] = useState<Draft[]>([])
  const [dropped, setDropped] = useState<Dropped[]>([])
  const [versionsTick, setVersionsTick] = useState(0)
  useEffect(() => {
    if (draft.data) { const d = fromDoc(draft.data); setPrinciples(d.principles); setDropped(d.dropped) }
  }, [draft.data])

  if (draft.loading && !draft.data) return <Progress value={null} label="Building the draft from the latest analysis…" />
  if (draft.error) return <ErrorNote error={draft.error} onRetry={draft.reload} />
  if (!draft.data) return <p class="panel empty">The constitution builder is not available on this server yet.</p>
  const doc = draft.data
  return (
    <div class="constitution-builder">
      <section class="panel cb-params">
        <div class="section-head">
          <h2>Draft</h2>
          <span class="downloads">Download the draft: {FORMATS.map(([f, label], i) => <span key={f}>{i > 0 && ' · '}
            <a href={`${c}/draft/export?format=${f}&${params}`} download>{label}</a></span>)}</span>
        </div>
        <div class="inline-form">
          <label class="field inline">Every group agrees at least
            <select value={minAgreement} onChange={(e) => setMinAgreement(Number((e.currentTarget as HTMLSelectElement).value))}>
              {[0.5, 0.6, 0.7, 0.8, 0.9].map((v) => <option key={v} value={v}>{percent(v)}</option>)}
            </select></label>
          <label class="field inline">Order by
            <select value={rankBy} onChange={(e) => setRankBy((e.currentTarget as HTMLSelectElement).value)}>
              <option value="consensus">consensus across groups</option>
              <option value="bridging">bridging score</option>
            </select></label>
          <button type="button" class="secondary small" onClick={draft.reload}>Rebuild the draft</button>
          <span class="muted small">Rebuilding (or changing these) starts again from the latest analysis; unsaved edits are lost.</span>
        </div>
      </section>
      <div class="cb-grid">
        <Principles list={principles} setList={setPrinciples} onDrop={(i, reason) => {
          const p = principles[i]
          setDropped([...dropped, { key: p.key, text: p.text, statementIds: p.statementIds, reason }])
          setPrinciples(principles.filter((_, j) => j !== i))
        }} />
        <LeftOut doc={doc} dropped={dropped} inUse={new Set(principles.flatMap((p) => p.statementIds))}
          onRestore={(d) => {
            setDropped(dropped.filter((x) => x.key !== d.key))
            setPrinciples([...principles, { key: d.key, text: d.text, original: d.text, statementIds: d.statementIds, evidence: [], groupAgreement: {}, note: '' }])
          }}
          onAdd={(e) => setPrinciples([...principles, { key: `x-${e.statementIds.join('-')}`, text: e.text ?? '', original: e.text ?? '',
            statementIds: e.statementIds, evidence: [], groupAgreement: e.groupAgreement ?? {}, note: '' }])} />
      </div>
      <SaveVersion c={c} title={doc.title} body={(title, note) => saveBody(title, note, doc.parameters, principles, dropped)}
        count={principles.length} onSaved={() => setVersionsTick((t) => t + 1)} />
      <Versions c={c} tick={versionsTick} />
    </div>
  )
}

function Principles({ list, setList, onDrop }: { list: Draft[]; setList: (l: Draft[]) => void; onDrop: (i: number, reason: string) => void }) {
  const [dragging, setDragging] = useState<number | null>(null)
  const [dropping, setDropping] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [mergeFrom, setMergeFrom] = useState<number | null>(null)
  const update = (i: number, change: Partial<Draft>) => setList(list.map((p, j) => (j === i ? { ...p, ...change } : p)))
  return (
    <section class="panel cb-principles" aria-labelledby="cb-title">
      <h2 id="cb-title">Principles ({list.length})</h2>
      <p class="muted small">Drag to reorder (or use the arrows). Edit a principle’s wording; the statement’s own words stay beside it.</p>
      {list.length === 0 && <p class="muted">No candidate passes the threshold yet. Lower it, or wait for more votes.</p>}
      <ol class="cb-list">
        {list.map((p, i) => (
          <li key={p.key} class={'cb-item' + (dragging === i ? ' dragging' : '')} draggable
            onDragStart={(e) => { setDragging(i); e.dataTransfer?.setData('text/plain', String(i)) }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => { e.preventDefault(); if (dragging != null) setList(move(list, dragging, i)); setDragging(null) }}
            onDragEnd={() => setDragging(null)}>
            <div class="cb-head">
              <span class="cb-handle" aria-hidden="true">⋮⋮</span>
              <span class="cb-number">{i + 1}</span>
              <label class="visually-hidden" for={`cb-text-${i}`}>Wording of principle {i + 1}</label>
              <textarea id={`cb-text-${i}`} rows={2} value={p.text} onInput={(e) => update(i, { text: (e.currentTarget as HTMLTextAreaElement).value })} />
              <div class="cb-moves">
                <button type="button" class="secondary small" aria-label={`Move principle ${i + 1} up`} disabled={i === 0} onClick={() => setList(move(list, i, i - 1))}>↑</button>
                <button type="button" class="secondary small" aria-label={`Move principle ${i + 1} down`} disabled={i === list.length - 1} onClick={() => setList(move(list, i, i + 1))}>↓</button>
              </div>
            </div>
            {p.text.trim() !== p.original.trim() && p.original && <p class="cb-original"><span class="muted">Statement as voted on:</span> {p.original}</p>}
            <p class="muted small">{support(p.groupAgreement)}</p>
            {p.evidence.length > 1 && (
              <div class="cb-merged">
                <p class="small"><strong>Merged from {p.evidence.length} similar statements</strong> (their votes are added up when saved):</p>
                <ul>
                  {p.evidence.map((e, k) => (
                    <li key={e.statementId}>
                      <span>{e.text}</span> <span class="muted small">{k > 0 && e.similarity < 1 ? `· ${percent(e.similarity)} similar ` : ''}· {e.votes} votes</span>{' '}
                      <button type="button" class="link-button small" onClick={() => setList(split(list, i, e.statementId))}>Split out</button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div class="cb-actions">
              {mergeFrom == null ? <button type="button" class="link-button small" onClick={() => setMergeFrom(i)}>Merge with…</button>
                : mergeFrom === i ? <button type="button" class="link-button small" onClick={() => setMergeFrom(null)}>Cancel merge</button>
                : <button type="button" class="link-button small" onClick={() => { setList(merge(list, mergeFrom, i)); setMergeFrom(null) }}>Merge into {mergeFrom + 1}</button>}
              {dropping === i ? (
                <form class="inline-form" onSubmit={(e) => { e.preventDefault(); onDrop(i, reason); setDropping(null); setReason('') }}>
                  <label class="visually-hidden" for={`cb-reason-${i}`}>Why drop it</label>
                  <input id={`cb-reason-${i}`} placeholder="why (kept with the version)" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
                  <button type="submit" class="danger small">Drop</button>
                  <button type="button" class="link-button small" onClick={() => setDropping(null)}>Cancel</button>
                </form>
              ) : <button type="button" class="link-button small" onClick={() => setDropping(i)}>Drop…</button>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

const REASONS: Record<string, string> = {
  'moderated-out': 'removed by a moderator', meta: 'about the conversation itself', 'too-few-votes': 'too few votes in some group',
  'below-agreement': 'not enough agreement in every group', 'below-bridging': 'bridging score too low', dropped: 'dropped',
}

function LeftOut({ doc, dropped, inUse, onRestore, onAdd }: {
  doc: ConstitutionDoc; dropped: Dropped[]; inUse: Set<number>; onRestore: (d: Dropped) => void; onAdd: (e: ConstitutionDoc['excluded'][number]) => void
}) {
  const candidates = doc.excluded.filter((e) => e.text && !e.statementIds.some((id) => inUse.has(id)) && e.reason !== 'moderated-out')
  return (
    <aside class="panel cb-side" aria-labelledby="cb-left">
      <h2 id="cb-left">Left out</h2>
      {dropped.length > 0 && <>
        <h3>Dropped by you</h3>
        <ul class="plain-list">{dropped.map((d) => <li key={d.key}>{d.text} <span class="muted small">· {d.reason || 'no reason given'}</span>{' '}
          <button type="button" class="link-button small" onClick={() => onRestore(d)}>Restore</button></li>)}</ul>
      </>}
      <h3>Not selected</h3>
      {candidates.length === 0 ? <p class="muted small">Nothing else to consider.</p> : (
        <ul class="plain-list">
          {candidates.slice(0, 30).map((e) => (
            <li key={e.statementIds.join('-')}>{e.text}
              <div class="muted small">{REASONS[e.reason] ?? e.reason}{e.groupAgreement && Object.keys(e.groupAgreement).length > 0 ? ` · ${shares(e.groupAgreement)}` : ''}
                {' '}<button type="button" class="link-button small" onClick={() => onAdd(e)}>Add as principle</button></div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}

function SaveVersion({ c, title: defaultTitle, body, count, onSaved }: {
  c: string; title: string; body: (title: string, note: string) => unknown; count: number; onSaved: () => void
}) {
  const [title, setTitle] = useState(defaultTitle)
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (count === 0) { setError(new ApiError(400, 'A constitution needs at least one principle.')); return }
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const doc = await post<ConstitutionDoc>(`${c}/versions`, body(title, note))
      setSaved(`Saved as version ${doc.version?.number ?? ''}.`)
      setNote('')
      onSaved()
    } catch (err) { setError(err) } finally { setBusy(false) }
  }
  return (
    <section class="panel">
      <h2>Save as a version</h2>
      <form class="inline-form cb-save" onSubmit={submit}>
        <label class="field">Title<input value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} /></label>
        <label class="field">Note<input value={note} placeholder="what changed" onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : `Save ${count} principles`}</button>
      </form>
      <ErrorNote error={error} />
      {saved && <p class="success" role="status">{saved}</p>}
    </section>
  )
}

function Versions({ c, tick }: { c: string; tick: number }) {
  const versions = useAsync(() => get<VersionSummary[]>(`${c}/versions`), [c, tick])
  const [error, setError] = useState<unknown>(null)
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  const list = versions.data ?? []
  const diff = useAsync(() => from != null && to != null && from !== to ? get<VersionDiff>(`${c}/diff?from=${from}&to=${to}`) : Promise.resolve(null), [c, from, to, tick])
  useEffect(() => {
    if (list.length >= 2) { setFrom(list[list.length - 2].version); setTo(list[list.length - 1].version) }
  }, [versions.data])
  const publish = async (n: number) => {
    setError(null)
    try { await post(`${c}/versions/${n}/publish`); versions.reload() } catch (e) { setError(e) }
  }
  return (
    <section class="panel" aria-labelledby="cb-versions">
      <h2 id="cb-versions">Versions</h2>
      <ErrorNote error={versions.error ?? error} />
      {list.length === 0 ? <p class="muted">No version saved yet.</p> : (
        <table class="data-table">
          <thead><tr><th scope="col" class="num">#</th><th scope="col">Title</th><th scope="col" class="num">Principles</th><th scope="col">Saved</th>
            <th scope="col">Download</th><th scope="col"><span class="visually-hidden">Publish</span></th></tr></thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.version}>
                <td class="num">{v.version}</td>
                <td>{v.title}{v.note && <div class="muted small">{v.note}</div>}</td>
                <td class="num">{v.principles}</td>
                <td>{ago(v.createdAt)}{v.createdBy ? ` by ${v.createdBy}` : ''}</td>
                <td>{FORMATS.map(([f, label], i) => <span key={f}>{i > 0 && ' · '}<a href={`${c}/versions/${v.version}/export?format=${f}`} download>{label}</a></span>)}</td>
                <td>{v.published ? <span class="badge open">published</span>
                  : <button type="button" class="secondary small" onClick={() => publish(v.version)}>Publish</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length >= 2 && (
        <div class="cb-diff">
          <div class="inline-form">
            <label class="field inline">Compare version
              <select value={from ?? ''} onChange={(e) => setFrom(Number((e.currentTarget as HTMLSelectElement).value))}>
                {list.map((v) => <option key={v.version} value={v.version}>{v.version}</option>)}</select></label>
            <label class="field inline">with
              <select value={to ?? ''} onChange={(e) => setTo(Number((e.currentTarget as HTMLSelectElement).value))}>
                {list.map((v) => <option key={v.version} value={v.version}>{v.version}</option>)}</select></label>
          </div>
          <ErrorNote error={diff.error} />
          {diff.data && <DiffView d={diff.data} />}
        </div>
      )}
    </section>
  )
}

export function DiffView({ d }: { d: VersionDiff }) {
  const nothing = d.added.length + d.removed.length + d.reworded.length + d.moved.filter((m) => m.fromPosition !== m.toPosition).length + d.regrouped.length === 0
  return (
    <div class="diff">
      {nothing && <p class="muted">Versions {d.from} and {d.to} have the same principles.</p>}
      <ul class="plain-list">
        {d.added.map((a) => <li key={'a' + a.position} class="diff-added"><strong>Added</strong> as {a.position}: {a.text}</li>)}
        {d.removed.map((r) => <li key={'r' + r.position} class="diff-removed"><strong>Removed</strong> ({r.position}): {r.text}</li>)}
        {d.reworded.map((r) => <li key={'w' + r.position}><strong>Reworded</strong> ({r.position}): <del>{r.before}</del> → <ins>{r.after}</ins></li>)}
        {d.moved.filter((m) => m.fromPosition !== m.toPosition).map((m) => <li key={'m' + m.text}><strong>Moved</strong> from {m.fromPosition} to {m.toPosition}: {m.text}</li>)}
        {d.regrouped.map((g) => <li key={'g' + g.position}><strong>Statements changed</strong> ({g.position}): {g.text}
          <span class="muted small"> · {g.before.join(', ')} → {g.after.join(', ')}</span></li>)}
      </ul>
      {d.unchanged > 0 && <p class="muted small">{d.unchanged} unchanged.</p>}
    </div>
  )
}
