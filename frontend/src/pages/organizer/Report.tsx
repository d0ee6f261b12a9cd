import { get, post } from '../../lib/api'
import { getOptional } from '../../lib/participant'
import { ago, count, fixed, groupColor, groupLabel, percent } from '../../lib/format'
import type { Analysis, AnalysisResult, MetadataQuestion, StatementStats, StatementView } from '../../lib/types'
import { useState } from 'preact/hooks'
import { ErrorNote, useAsync, usePoll } from '../../components/common'
import { OpinionMap, type MapPoint } from '../../components/OpinionMap'
import { VoteBar, VoteLegend } from '../../components/VoteBar'

interface ReportData { analysis: Analysis | null; statements: Map<number, StatementView> }

/** The report: opinion map, groups with their representative statements, consensus, divisive, bridging. */
export function Report({ base, questions = [] }: { base: string; questions?: MetadataQuestion[] }) {
  const { data, error, reload } = usePoll<ReportData>(async () => {
    const [analysis, statements] = await Promise.all([
      getOptional<Analysis>(`${base}/analysis`),
      get<StatementView[]>(`${base}/statements/all`),
    ])
    return { analysis, statements: new Map(statements.map((s) => [s.id, s])) }
  }, 5000, [base])
  if (!data) return error ? <ErrorNote error={error} onRetry={reload} /> : <p class="muted" aria-busy="true">Loading the report…</p>
  const { analysis, statements } = data
  if (!analysis) return <p class="panel empty">The analysis is not available on this server.</p>
  const r = analysis.result
  const recompute = <Recompute base={base} onDone={reload} />
  if (!r) {
    return <div class="panel empty"><h2>No analysis yet</h2>
      <p>The first analysis runs once participants have voted{analysis.pending ? ' — it is being computed now' : ''}. This page updates by itself.</p>
      {recompute}</div>
  }
  return (
    <div class="report">
      <ErrorNote error={error} />
      <div class="report-status section-head" aria-live="polite">
        <p>{count(r.participants, 'participant')} voted · {count(r.inConversation, 'participant')} placed · {count(r.groups.length, 'group')} · {count(r.votes, 'vote')}.
          {' '}Snapshot {analysis.version}{analysis.computedAt ? `, computed ${ago(analysis.computedAt)}` : ''}.
          {analysis.pending && <span class="badge pending">updating…</span>}</p>
        {recompute}
      </div>
      <MapAndGroups r={r} />
      {r.groups.length > 0 && <Groups r={r} statements={statements} />}
      <div class="report-lists">
        <ScoredList title="Consensus" hint="Statements every group agrees with (group-informed consensus)." r={r} statements={statements}
          items={r.consensus.slice(0, 8)} format={(s) => `consensus ${fixed(s, 2)}`} />
        <ScoredList title="Divisive" hint="Statements the groups disagree about most." r={r} statements={statements}
          items={r.divisive.slice(0, 8)} format={(s) => `divisiveness ${fixed(s, 2)}`} />
        <ScoredList title="Bridging" hint="Statements liked across the opinion spectrum (a bridging score as in Community Notes)." r={r}
          statements={statements} items={r.bridging.slice(0, 8)} format={(s) => `bridging ${fixed(s, 2)}`} />
      </div>
      {questions.length > 0 && <MetadataBreakdown base={base} questions={questions} statements={statements} version={analysis.version} />}
    </div>
  )
}

/** Runs the analysis now instead of waiting for the next scheduled run. */
function Recompute({ base, onDone }: { base: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <span class="recompute">
      <button type="button" class="secondary small" disabled={busy} onClick={async () => {
        setBusy(true)
        setError(null)
        try { await post(`${base}/analysis/recompute`); onDone() } catch (e) { setError(e) } finally { setBusy(false) }
      }}>{busy ? 'Computing…' : 'Recompute now'}</button>
      <ErrorNote error={error} />
    </span>
  )
}

interface Breakdown { question: string; label: string; groups: Record<string, string>; answered: number; result: AnalysisResult }

/** The votes broken down by the participants' answer to a metadata question (country, age band…). */
function MetadataBreakdown({ base, questions, statements, version }: {
  base: string; questions: MetadataQuestion[]; statements: Map<number, StatementView>; version: number
}) {
  const [key, setKey] = useState(questions[0].key)
  const b = useAsync(() => get<Breakdown>(`${base}/analysis/breakdown?by=${encodeURIComponent(key)}`), [base, key, version])
  const r = b.data?.result
  const answers = b.data ? Object.entries(b.data.groups).map(([id, answer]) => ({ id, answer })) : []
  // statements whose answer groups differ most first
  const spread = (s: StatementStats) => {
    const rates = answers.map((a) => s.groupVotes[a.id]).filter((t) => t && t.agree + t.disagree + t.pass > 0)
      .map((t) => t.agree / (t.agree + t.disagree + t.pass))
    return rates.length < 2 ? -1 : Math.max(...rates) - Math.min(...rates)
  }
  const rows = r ? r.statementStats.filter((s) => !s.moderatedOut && statements.get(s.statementId)?.status !== 'rejected')
    .sort((x, y) => spread(y) - spread(x)).slice(0, 8) : []
  return (
    <section class="panel breakdown" aria-labelledby="breakdown-title">
      <div class="section-head">
        <h2 id="breakdown-title">By participant answers</h2>
        <label class="field inline">Break down by
          <select value={key} onChange={(e) => setKey((e.currentTarget as HTMLSelectElement).value)}>
            {questions.map((q) => <option key={q.key} value={q.key}>{q.label}</option>)}
          </select>
        </label>
      </div>
      <ErrorNote error={b.error} onRetry={b.reload} />
      {b.data && (b.data.answered === 0 ? <p class="muted">No participant has answered “{b.data.label}” yet.</p> : <>
        <p class="muted small">{count(b.data.answered, 'participant')} answered: {answers.map((a) => {
          const size = r?.groups.find((g) => String(g.id) === a.id)?.members.length
          return `${a.answer}${size != null ? ` (${size})` : ''}`
        }).join(' · ')}. Statements where the answers differ most first.</p>
        <ol class="rep-list breakdown-list">
          {rows.map((s) => (
            <li key={s.statementId}>
              <p>{statements.get(s.statementId)?.text ?? `Statement ${s.statementId}`}</p>
              <div class="group-bars">
                {answers.map((a) => s.groupVotes[a.id] && <VoteBar key={a.id} tally={s.groupVotes[a.id]} label={a.answer} />)}
              </div>
            </li>
          ))}
        </ol>
      </>)}
    </section>
  )
}

function MapAndGroups({ r }: { r: AnalysisResult }) {
  const points: MapPoint[] = Object.entries(r.projection).map(([id, xy]) => ({ id, x: xy[0], y: xy[1], group: r.participantGroups[id] ?? null }))
  return (
    <section class="panel map-panel">
      <div class="map-main">
        <h2>Opinion map</h2>
        <p class="muted small">Each dot is a participant; people who vote alike sit close together. Hover a group for its size.</p>
        <OpinionMap points={points} groups={r.groups.map((g) => ({ id: g.id, size: g.members.length }))} width={760} height={460} />
      </div>
      <aside class="map-side">
        <h3>Groups</h3>
        {r.groups.length === 0 ? <p class="muted">{r.note ?? 'No groups yet.'}</p> : (
          <ul class="group-legend">
            {r.groups.map((g) => (
              <li key={g.id}><span class="swatch" style={{ background: groupColor(g.id) }} />{groupLabel(g.id)}
                <span class="muted"> · {count(g.members.length, 'participant')}</span></li>
            ))}
            {points.some((p) => p.group == null) && <li><span class="swatch" style={{ background: '#9aa3ad' }} />Not placed yet
              <span class="muted"> · {points.filter((p) => p.group == null).length}</span></li>}
          </ul>
        )}
      </aside>
    </section>
  )
}

function GroupBars({ stats, r }: { stats: StatementStats | undefined; r: AnalysisResult }) {
  if (!stats) return null
  return (
    <div class="group-bars">
      <VoteBar tally={stats.votes} label="Everyone" />
      {r.groups.map((g) => stats.groupVotes[String(g.id)] &&
        <VoteBar key={g.id} tally={stats.groupVotes[String(g.id)]} label={groupLabel(g.id)} />)}
    </div>
  )
}

function Groups({ r, statements }: { r: AnalysisResult; statements: Map<number, StatementView> }) {
  const stats = new Map(r.statementStats.map((s) => [s.statementId, s]))
  return (
    <section class="groups">
      <div class="section-head"><h2>What makes each group distinct</h2><VoteLegend /></div>
      <div class="group-cards">
        {r.groups.map((g) => (
          <article key={g.id} class="panel group-card" style={{ borderTopColor: groupColor(g.id) }}>
            <h3><span class="swatch" style={{ background: groupColor(g.id) }} />{groupLabel(g.id)} <span class="muted">· {count(g.members.length, 'participant')}</span></h3>
            {g.representative.length === 0 && <p class="muted">No statement sets this group apart yet.</p>}
            <ol class="rep-list">
              {g.representative.slice(0, 5).map((rep) => (
                <li key={rep.statementId}>
                  <p>{statements.get(rep.statementId)?.text ?? `Statement ${rep.statementId}`}</p>
                  <p class="muted small">{percent(rep.probability)} of {groupLabel(g.id)} {rep.direction === 'agree' ? 'agree' : 'disagree'}
                    {' '}({rep.nSuccess} of {rep.nTrials}); {fixed(rep.representativeness, 1)}× the rest</p>
                  <GroupBars stats={stats.get(rep.statementId)} r={r} />
                </li>
              ))}
            </ol>
          </article>
        ))}
      </div>
    </section>
  )
}

function ScoredList({ title, hint, items, r, statements, format }: {
  title: string; hint: string; items: { statementId: number; score: number }[]; r: AnalysisResult
  statements: Map<number, StatementView>; format: (score: number) => string
}) {
  const stats = new Map(r.statementStats.map((s) => [s.statementId, s]))
  return (
    <section class="panel scored">
      <h2>{title}</h2>
      <p class="muted small">{hint}</p>
      {items.length === 0 ? <p class="muted">Nothing to show yet.</p> : (
        <ol class="rep-list">
          {items.map((s) => (
            <li key={s.statementId}>
              <p>{statements.get(s.statementId)?.text ?? `Statement ${s.statementId}`}</p>
              <p class="muted small">{format(s.score)}</p>
              <GroupBars stats={stats.get(s.statementId)} r={r} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
