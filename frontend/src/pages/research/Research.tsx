import { useEffect, useState } from 'preact/hooks'
import { interpolateYlGnBu, interpolatePuOr } from 'd3-scale-chromatic'
import { get, upload } from '../../lib/api'
import { count, fixed } from '../../lib/format'
import type { AnswerSetSummary, ComparisonReport, DatasetSummary, QuestionDetail, QuestionScore, SimilarityReport } from '../../lib/types'
import { ErrorNote, Progress, useAsync } from '../../components/common'
import { useOrganizer, SignInForm } from '../organizer/auth'
import { WorldMap } from './WorldMap'

const O = '/api/opinions/datasets'

interface Selection { dataset: number | null; set: number | null; metric: string; logBase: string; minQuestions: number; country: string | null; qid: number | null; compare: number | null }

function readSelection(path: string): Selection {
  const q = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?')) : '')
  const num = (k: string) => (q.get(k) && !Number.isNaN(Number(q.get(k))) ? Number(q.get(k)) : null)
  return { dataset: num('dataset'), set: num('set'), metric: q.get('metric') ?? 'jsd', logBase: q.get('log') === 'e' ? 'e' : '2', minQuestions: num('min') ?? 5, country: q.get('country'), qid: num('qid'), compare: num('compare') }
}

function writeSelection(s: Selection) {
  const q = new URLSearchParams()
  if (s.dataset != null) q.set('dataset', String(s.dataset))
  if (s.set != null) q.set('set', String(s.set))
  if (s.metric !== 'jsd') q.set('metric', s.metric)
  if (s.minQuestions !== 5) q.set('min', String(s.minQuestions))
  if (s.logBase !== '2') q.set('log', s.logBase)
  if (s.country) q.set('country', s.country)
  if (s.qid != null) q.set('qid', String(s.qid))
  if (s.compare != null) q.set('compare', String(s.compare))
  const search = q.toString()
  history.replaceState(null, '', '/research' + (search ? '?' + search : ''))
}

/** The researcher's dashboard: datasets and answer sets, ranking with intervals, world map, drill-down, comparison. */
export default function Research({ path }: { path: string }) {
  const [sel, setSel] = useState<Selection>(() => readSelection(path))
  const update = (change: Partial<Selection>) => setSel((s) => { const n = { ...s, ...change }; writeSelection(n); return n })
  const auth = useOrganizer()
  const datasets = useAsync(() => get<DatasetSummary[]>(O), [])
  const datasetId = sel.dataset ?? datasets.data?.[0]?.id ?? null
  const sets = useAsync(() => datasetId == null ? Promise.resolve([] as AnswerSetSummary[]) : get<AnswerSetSummary[]>(`${O}/${datasetId}/answer-sets`), [datasetId])
  const setId = sel.set != null && sets.data?.some((s) => s.id === sel.set) ? sel.set : sets.data?.[0]?.id ?? null
  const dataset = datasets.data?.find((d) => d.id === datasetId) ?? null
  const answerSet = sets.data?.find((s) => s.id === setId) ?? null

  useEffect(() => { document.title = 'Research · Charter' }, [])

  return (
    <main class="page wide research">
      <div class="page-head">
        <div>
          <h1>Whose opinions does the model resemble?</h1>
          <p class="muted">Similarity between a model’s answer distributions and each country’s survey answers (1 − Jensen–Shannon distance, GlobalOpinionQA).</p>
        </div>
      </div>
      <div class="research-top">
        <DatasetPanel datasets={datasets.data} error={datasets.error} selected={dataset} signedIn={!!auth.organizer}
          onSelect={(id) => update({ dataset: id, set: null, country: null, qid: null, compare: null })}
          onUploaded={(d) => { datasets.reload(); update({ dataset: d.id, set: null, country: null, qid: null, compare: null }) }}
          onSignIn={auth.refresh} />
        <AnswerSetPanel dataset={dataset} sets={sets.data} error={sets.error} selected={answerSet} signedIn={!!auth.organizer}
          onSelect={(id) => update({ set: id, country: null, qid: null })}
          onUploaded={(s) => { sets.reload(); update({ set: s.id, country: null, qid: null }) }} onSignIn={auth.refresh} />
      </div>
      {dataset && answerSet && <Results dataset={dataset} set={answerSet} sets={sets.data ?? []} sel={sel} update={update} />}
      {dataset && sets.data && sets.data.length === 0 && <p class="panel empty">Upload a model’s answer set to see the results.</p>}
    </main>
  )
}

/** A details element that opens by itself when openWhen becomes true and then stays as the person leaves it. */
function Disclosure({ summary, openWhen, children }: { summary: string; openWhen: boolean; children: preact.ComponentChildren }) {
  const [open, setOpen] = useState(false)
  useEffect(() => { if (openWhen) setOpen(true) }, [openWhen])
  return (
    <details class="upload" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  )
}

function UploadGate({ signedIn, onSignIn, children }: { signedIn: boolean; onSignIn: () => void; children: preact.ComponentChildren }) {
  const [open, setOpen] = useState(false)
  if (signedIn) return <>{children}</>
  return open ? <SignInForm onSignedIn={onSignIn} purpose="Uploading needs an account (reading results does not)." />
    : <p class="muted">To upload, <button type="button" class="link-button" onClick={() => setOpen(true)}>sign in or create an account</button>.</p>
}

function DatasetPanel({ datasets, error, selected, signedIn, onSelect, onUploaded, onSignIn }: {
  datasets: DatasetSummary[] | null; error: unknown; selected: DatasetSummary | null; signedIn: boolean
  onSelect: (id: number) => void; onUploaded: (d: DatasetSummary) => void; onSignIn: () => void
}) {
  const [summary, setSummary] = useState<DatasetSummary | null>(null)
  return (
    <section class="panel" aria-labelledby="ds-title">
      <h2 id="ds-title">1 · Survey dataset</h2>
      <ErrorNote error={error} />
      {datasets && datasets.length > 0 && (
        <label class="field">Dataset
          <select value={selected?.id ?? ''} onChange={(e) => onSelect(Number((e.currentTarget as HTMLSelectElement).value))}>
            {datasets.map((d) => <option key={d.id} value={d.id}>{/question/i.test(d.name) ? d.name : `${d.name} (${count(d.questions, 'question')})`}</option>)}
          </select>
        </label>
      )}
      {datasets && datasets.length === 0 && <p class="muted">No dataset yet: upload a GlobalOpinionQA CSV.</p>}
      {selected && <DatasetFacts d={selected} />}
      <Disclosure summary="Upload a survey dataset (GlobalOpinionQA CSV)" openWhen={datasets?.length === 0}>
        <UploadGate signedIn={signedIn} onSignIn={onSignIn}>
          <UploadForm accept=".csv,text/csv" label="Survey CSV" namePlaceholder="e.g. GlobalOpinionQA" buttonLabel="Upload dataset"
            url={(name, file) => `${O}?name=${encodeURIComponent(name)}&fileName=${encodeURIComponent(file.name)}`}
            contentType={() => 'text/csv'} working="Reading and storing the questions…"
            onDone={(d: DatasetSummary) => { setSummary(d); onUploaded(d) }} />
        </UploadGate>
        {summary && <UploadSummary d={summary} />}
      </Disclosure>
    </section>
  )
}

function DatasetFacts({ d }: { d: DatasetSummary }) {
  return (
    <dl class="facts">
      <div><dt>Questions</dt><dd>{d.questions}</dd></div>
      <div><dt>Countries</dt><dd>{d.countries}</dd></div>
      <div><dt>Ordinal</dt><dd>{d.ordinalQuestions}</dd></div>
      <div><dt>Sources</dt><dd>{Object.entries(d.sources ?? {}).map(([k, v]) => `${k} ${v}`).join(' · ') || '–'}</dd></div>
      <div><dt>Download</dt><dd><a href={`${O}/${d.id}/download`} download>CSV</a></dd></div>
    </dl>
  )
}

function UploadSummary({ d }: { d: DatasetSummary }) {
  const skipped = d.skipped ?? []
  const warnings = d.warnings ?? []
  return (
    <div class="upload-summary" role="status">
      <p class="success">Stored “{d.name}”: {count(d.rows, 'row')} read, {count(d.questions, 'question')}, {count(d.countries, 'country', 'countries')},
        {' '}{count(d.distributions, 'country answer distribution')}.</p>
      {skipped.length === 0 ? <p class="muted">No rows skipped.</p> : <>
        <p>{count(skipped.length, 'row')} skipped:</p>
        <ul class="issues">{skipped.slice(0, 8).map((i, k) => <li key={k}>line {i.line}{i.column ? `, ${i.column}` : ''}: {i.message}</li>)}
          {skipped.length > 8 && <li>…and {skipped.length - 8} more</li>}</ul>
      </>}
      {warnings.length > 0 && <details><summary>{count(warnings.length, 'warning')}</summary>
        <ul class="issues">{warnings.slice(0, 20).map((i, k) => <li key={k}>line {i.line}{i.column ? `, ${i.column}` : ''}: {i.message}</li>)}</ul></details>}
    </div>
  )
}

function UploadForm<T>({ accept, label, namePlaceholder, buttonLabel, url, contentType, working, onDone, extra }: {
  accept: string; label: string; namePlaceholder: string; buttonLabel: string; url: (name: string, file: File) => string
  contentType: (file: File) => string; working: string; onDone: (result: T) => void; extra?: preact.ComponentChildren
}) {
  const [file, setFile] = useState<File | null>(null)
  const [name, setName] = useState('')
  const [progress, setProgress] = useState<number | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!file) { setError(new Error('Choose a file first.')); return }
    const n = name.trim() || file.name.replace(/\.(csv|jsonl|ndjson|json)$/i, '')
    setError(null)
    setProgress(0)
    try {
      const result = await upload<T>(url(n, file), file, contentType(file), (f) => setProgress(f >= 1 ? null : f))
      setFile(null)
      setName('')
      ;(e.target as HTMLFormElement).reset()
      onDone(result)
    } catch (err) {
      setError(err)
    } finally {
      setProgress(undefined)
    }
  }
  return (
    <form class="stack upload-form" onSubmit={submit}>
      <label class="field">{label}<input type="file" accept={accept} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} /></label>
      <label class="field">Name<input value={name} placeholder={namePlaceholder} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></label>
      {extra}
      {progress !== undefined && <Progress value={progress} label={progress == null ? working : `Uploading… ${Math.round(progress * 100)}%`} />}
      <ErrorNote error={error} />
      <button type="submit" class="primary" disabled={progress !== undefined}>{buttonLabel}</button>
    </form>
  )
}

function AnswerSetPanel({ dataset, sets, error, selected, signedIn, onSelect, onUploaded, onSignIn }: {
  dataset: DatasetSummary | null; sets: AnswerSetSummary[] | null; error: unknown; selected: AnswerSetSummary | null; signedIn: boolean
  onSelect: (id: number) => void; onUploaded: (s: AnswerSetSummary) => void; onSignIn: () => void
}) {
  const [last, setLast] = useState<AnswerSetSummary | null>(null)
  if (!dataset) return <section class="panel"><h2>2 · Model answers</h2><p class="muted">Choose or upload a dataset first.</p></section>
  return (
    <section class="panel" aria-labelledby="as-title">
      <h2 id="as-title">2 · Model answers</h2>
      <ErrorNote error={error} />
      {sets && sets.length > 0 && (
        <div class="set-list" role="radiogroup" aria-label="Answer set">
          {sets.map((s) => (
            <label key={s.id} class={'set-option' + (selected?.id === s.id ? ' active' : '')}>
              <input type="radio" name="answer-set" checked={selected?.id === s.id} onChange={() => onSelect(s.id)} />
              <span><strong>{s.name}</strong><span class="muted small"> · {count(s.questions, 'question')} answered</span></span>
              <a href={`${O}/${dataset.id}/answer-sets/${s.id}/download`} download class="small">JSONL</a>
            </label>
          ))}
        </div>
      )}
      <Disclosure summary="Upload an answer set (JSON lines or CSV)" openWhen={sets?.length === 0}>
        <p class="muted small">Name it after the model and condition, e.g. <code>gpt-4o-mini-default</code>. Lines like
          <code>{' {"qid": 0, "distribution": [0.2, 0.8]}'}</code>. To ask a model yourself, run
          <code>{' java -jar charter.jar collect --survey FILE --model NAME'}</code> and upload the file it writes.</p>
        <UploadGate signedIn={signedIn} onSignIn={onSignIn}>
          <UploadForm accept=".jsonl,.ndjson,.json,.csv" label="Answers file" namePlaceholder="model-condition" buttonLabel="Upload answers"
            url={(name, file) => `${O}/${dataset.id}/answer-sets?name=${encodeURIComponent(name)}&fileName=${encodeURIComponent(file.name)}`}
            contentType={(f) => (/\.csv$/i.test(f.name) ? 'text/csv' : 'application/x-ndjson')} working="Checking and storing the answers…"
            onDone={(s: AnswerSetSummary) => { setLast(s); onUploaded(s) }} />
        </UploadGate>
        {last && <p class="success" role="status">Stored “{last.name}”: {count(last.questions, 'question')} answered
          {(last.warnings?.length ?? 0) > 0 ? `, ${count(last.warnings!.length, 'warning')} (e.g. line ${last.warnings![0].line}: ${last.warnings![0].message})` : ''}.</p>}
      </Disclosure>
    </section>
  )
}

/**
 * One entry per map country: surveys sometimes hold several samples of a country ("India (Current national
 * sample)", "India (Old national sample)"); the map shows the one compared on the most questions.
 */
export function onePerCode<T extends { iso3?: string | null; questions: number }>(rows: T[]): T[] {
  const best = new Map<string, T>()
  for (const r of rows) {
    if (!r.iso3) continue
    const seen = best.get(r.iso3)
    if (!seen || r.questions > seen.questions) best.set(r.iso3, r)
  }
  return [...best.values()]
}

const SKIPS: Record<string, [string, string]> = {
  zeroOrMissingShares: ['question–country pair without shares', 'question–country pairs without shares'],
  unanswered: ['question the model did not answer', 'questions the model did not answer'],
  withoutCountries: ['answered question with no country to compare', 'answered questions with no country to compare'],
  notOrdinal: ['question that is not ordinal', 'questions that are not ordinal'],
  modelOffScale: ['answer with nothing on the scale', 'answers with nothing on the scale'],
  fewQuestions: ['country with fewer questions than asked for', 'countries with fewer questions than asked for'],
}

/** " Left out: 10 question–country pairs without shares, 1 country with …." */
export function skippedText(skipped: Record<string, number> | undefined): string {
  const parts = Object.entries(skipped ?? {}).filter(([, v]) => v > 0)
    .map(([k, v]) => `${v} ${SKIPS[k] ? SKIPS[k][v === 1 ? 0 : 1] : k}`)
  return parts.length ? ` Left out: ${parts.join(', ')}.` : ''
}

const similarityColor = (lo: number, hi: number) => (v: number) => interpolateYlGnBu(0.12 + 0.88 * (hi === lo ? 1 : (v - lo) / (hi - lo)))

function Results({ dataset, set, sets, sel, update }: {
  dataset: DatasetSummary; set: AnswerSetSummary; sets: AnswerSetSummary[]; sel: Selection; update: (s: Partial<Selection>) => void
}) {
  const base = `${O}/${dataset.id}/answer-sets/${set.id}`
  const query = `metric=${sel.metric}&logBase=${sel.logBase}&minQuestions=${sel.minQuestions}`
  const report = useAsync(() => get<SimilarityReport>(`${base}/results?${query}`), [base, query])
  const r = report.data
  const sims = r?.countries.map((c) => c.similarity) ?? []
  const lo = sims.length ? Math.min(...sims) : 0
  const hi = sims.length ? Math.max(...sims) : 1
  const color = similarityColor(lo, hi)
  return (
    <section class="results" aria-labelledby="results-title">
      <div class="section-head">
        <h2 id="results-title">3 · Results for {set.name}</h2>
        <div class="inline-form">
          <label class="field inline">Metric
            <select value={sel.metric} onChange={(e) => update({ metric: (e.currentTarget as HTMLSelectElement).value, qid: null })}>
              <option value="jsd">1 − Jensen–Shannon distance</option>
              <option value="wasserstein">1 − Wasserstein (ordinal questions)</option>
            </select>
          </label>
          {sel.metric === 'jsd' && <label class="field inline">Logarithm
            <select value={sel.logBase} onChange={(e) => update({ logBase: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="2">base 2 (distance in [0, 1])</option>
              <option value="e">natural (some papers)</option>
            </select>
          </label>}
          <label class="field inline">Rank countries with at least
            <select value={sel.minQuestions} onChange={(e) => update({ minQuestions: Number((e.currentTarget as HTMLSelectElement).value) })}>
              {[1, 3, 5, 10, 20].map((n) => <option key={n} value={n}>{count(n, 'question')}</option>)}
            </select>
          </label>
          <span class="downloads">Download:{' '}
            <a href={`${base}/results?${query}&format=csv`} download>ranking CSV</a>{' · '}
            <a href={`${base}/results?${query}`} download={`${set.name}-${sel.metric}.json`}>JSON</a>{' · '}
            <a href={`${base}/download`} download>answers</a></span>
        </div>
      </div>
      {report.loading && <Progress value={null} label="Comparing the model with every country (bootstrap intervals)…" />}
      <ErrorNote error={report.error} onRetry={report.reload} />
      {r && r.countries.length === 0 && <p class="panel empty">No country could be compared: the answer set answers none of the dataset’s questions.</p>}
      {r && r.countries.length > 0 && <>
        <p class="muted">{count(r.questions, 'question')} compared across {count(r.countries.length, 'country', 'countries')}.
          {skippedText(r.skipped)}</p>
        <div class="results-grid">
          <div class="panel">
            <WorldMap label={`World map of similarity to ${set.name}`} legendTitle="Similarity"
              values={onePerCode(r.countries).map((c) => ({ iso3: c.iso3!, name: c.country, value: c.similarity,
                detail: `similarity ${fixed(c.similarity)}${c.ci95 ? ` (95% CI ${fixed(c.ci95[0])}–${fixed(c.ci95[1])})` : ''} · ${count(c.questions, 'question')}` }))}
              color={color} domain={[lo, hi]} format={(v) => fixed(v, 2)}
              selected={r.countries.find((c) => c.country === sel.country)?.iso3 ?? null}
              onSelect={(_, name) => update({ country: name, qid: null })} />
            <Histogram counts={r.histogram?.counts ?? []} />
          </div>
          <RankingTable report={r} color={color} lo={lo} hi={hi} selected={sel.country} onSelect={(c) => update({ country: c, qid: null })} />
        </div>
        <DrillDown base={base} metric={`${sel.metric}&logBase=${sel.logBase}`} country={sel.country} qid={sel.qid} modelName={set.name}
          countries={r.countries.map((c) => c.country)} update={update} />
      </>}
      <Compare dataset={dataset} set={set} sets={sets} sel={sel} update={update} />
    </section>
  )
}

function RankingTable({ report, color, lo, hi, selected, onSelect }: {
  report: SimilarityReport; color: (v: number) => string; lo: number; hi: number; selected: string | null; onSelect: (c: string) => void
}) {
  const span = Math.max(1e-9, hi - lo)
  const xmin = Math.max(0, lo - span * 0.25)
  const xmax = Math.min(1, hi + span * 0.25)
  const pos = (v: number) => `${((v - xmin) / (xmax - xmin)) * 100}%`
  return (
    <div class="panel ranking">
      <h3>Country ranking</h3>
      <div class="table-scroll">
        <table class="data-table ranking-table">
          <thead><tr><th scope="col" class="num">#</th><th scope="col">Country</th><th scope="col" class="num">Similarity</th>
            <th scope="col">95% interval</th><th scope="col" class="num" title="questions compared">Qs</th></tr></thead>
          <tbody>
            {report.countries.map((c, i) => (
              <tr key={c.country} class={selected === c.country ? 'selected' : ''} onClick={() => onSelect(c.country)}>
                <td class="num muted">{i + 1}</td>
                <td class="country-cell"><button type="button" class="link-button" title={c.country} onClick={() => onSelect(c.country)}>{c.country}</button></td>
                <td class="num"><span class="swatch" style={{ background: color(c.similarity) }} />{fixed(c.similarity)}</td>
                <td class="ci-cell" title={c.ci95 ? `${fixed(c.ci95[0])} – ${fixed(c.ci95[1])}` : 'no interval'}>
                  {c.ci95 ? <span class="ci-track" aria-hidden="true">
                    <span class="ci-range" style={{ left: pos(c.ci95[0]), width: `calc(${pos(c.ci95[1])} - ${pos(c.ci95[0])})` }} />
                    <span class="ci-point" style={{ left: pos(c.similarity) }} />
                  </span> : '–'}
                  <span class="ci-text">{c.ci95 ? `${fixed(c.ci95[0], 2)}–${fixed(c.ci95[1], 2)}` : ''}</span>
                </td>
                <td class="num">{c.questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function Histogram({ counts }: { counts: number[] }) {
  if (counts.length === 0) return null
  const max = Math.max(1, ...counts)
  const w = 100 / counts.length
  return (
    <figure class="histogram">
      <figcaption>Per-question similarities (all countries)</figcaption>
      <svg viewBox="0 0 100 30" preserveAspectRatio="none" role="img"
        aria-label={`Histogram of ${counts.reduce((a, b) => a + b, 0)} question-country similarities from 0 to 1`}>
        {counts.map((c, i) => <rect key={i} x={i * w + 0.3} width={w - 0.6} y={30 - (c / max) * 30} height={(c / max) * 30} class="hist-bar">
          <title>{`${(i * w / 100).toFixed(2)}–${((i + 1) * w / 100).toFixed(2)}: ${c}`}</title></rect>)}
      </svg>
      <div class="hist-axis"><span>0</span><span>0.5</span><span>1</span></div>
    </figure>
  )
}

function DrillDown({ base, metric, country, qid, modelName, countries, update }: {
  base: string; metric: string; country: string | null; qid: number | null; modelName: string; countries: string[]
  update: (s: Partial<Selection>) => void
}) {
  const questions = useAsync(() => country ? get<QuestionScore[]>(`${base}/results/questions?country=${encodeURIComponent(country)}&metric=${metric}`)
    : Promise.resolve([] as QuestionScore[]), [base, country, metric])
  const detail = useAsync(() => qid != null ? get<QuestionDetail>(`${base}/questions/${qid}?metric=${metric}`) : Promise.resolve(null), [base, qid, metric])
  return (
    <section class="panel drilldown" aria-labelledby="dd-title">
      <div class="section-head">
        <h3 id="dd-title">Per-question drill-down</h3>
        <label class="field inline">Country
          <select value={country ?? ''} onChange={(e) => update({ country: (e.currentTarget as HTMLSelectElement).value || null, qid: null })}>
            <option value="">Choose a country…</option>
            {[...countries].sort().map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      </div>
      {!country && <p class="muted">Pick a country on the map or in the table to see its questions, least similar first.</p>}
      {country && <div class="dd-grid">
        <div>
          {questions.loading && <p class="muted">Loading {country}’s questions…</p>}
          <ErrorNote error={questions.error} />
          <ol class="question-list">
            {(questions.data ?? []).map((q) => (
              <li key={q.qid}><button type="button" class={'question-button' + (qid === q.qid ? ' active' : '')} onClick={() => update({ qid: q.qid })}>
                <span class="q-sim">{fixed(q.similarity, 2)}</span><span class="q-text">{q.question}</span></button></li>
            ))}
          </ol>
        </div>
        <div>
          {qid == null && <p class="muted">Choose a question to compare the model’s answers with {country}’s.</p>}
          <ErrorNote error={detail.error} />
          {detail.data && <PairedBars detail={detail.data} country={country} modelName={modelName} />}
        </div>
      </div>}
    </section>
  )
}

export function PairedBars({ detail, country, modelName }: { detail: QuestionDetail; country: string; modelName: string }) {
  const c = detail.countries.find((x) => x.country === country)
  return (
    <div class="paired">
      <h4>{detail.question}</h4>
      <p class="muted small">{detail.source ? detail.source + ' · ' : ''}similarity for {country}: {c?.similarity != null ? fixed(c.similarity) : 'not compared'}</p>
      <p class="legend"><span><i class="pb-model" /> {modelName}</span><span><i class="pb-country" /> {country}</span></p>
      <table class="paired-bars">
        <tbody>
          {detail.options.map((o, i) => {
            const m = detail.model?.[i] ?? 0
            const s = c?.shares[i] ?? 0
            return (
              <tr key={i}>
                <th scope="row">{o}</th>
                <td>
                  <div class="pb"><span class="pb-model" style={{ width: `${m * 100}%` }} /><span class="pb-num">{(m * 100).toFixed(0)}%</span></div>
                  <div class="pb"><span class="pb-country" style={{ width: `${s * 100}%` }} /><span class="pb-num">{(s * 100).toFixed(0)}%</span></div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Compare({ dataset, set, sets, sel, update }: {
  dataset: DatasetSummary; set: AnswerSetSummary; sets: AnswerSetSummary[]; sel: Selection; update: (s: Partial<Selection>) => void
}) {
  const others = sets.filter((s) => s.id !== set.id)
  const before = sel.compare != null && others.some((s) => s.id === sel.compare) ? sel.compare : null
  const url = before == null ? null : `${O}/${dataset.id}/compare?before=${before}&after=${set.id}&metric=${sel.metric}&logBase=${sel.logBase}&minQuestions=${sel.minQuestions}`
  const cmp = useAsync(() => url ? get<ComparisonReport>(url) : Promise.resolve(null), [url])
  const r = cmp.data
  const m = r ? Math.max(1e-6, ...r.countries.map((c) => Math.abs(c.change))) : 1
  const color = (v: number) => interpolatePuOr(0.5 - 0.5 * (v / m))
  return (
    <section class="panel compare" aria-labelledby="cmp-title">
      <div class="section-head">
        <h3 id="cmp-title">Compare two answer sets</h3>
        {others.length === 0 ? <p class="muted">Upload a second answer set to compare.</p> : (
          <label class="field inline">Change from
            <select value={before ?? ''} onChange={(e) => update({ compare: Number((e.currentTarget as HTMLSelectElement).value) || null })}>
              <option value="">choose an answer set…</option>
              {others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
            <span> to <strong>{set.name}</strong></span>
          </label>
        )}
      </div>
      {cmp.loading && url && <Progress value={null} label="Comparing…" />}
      <ErrorNote error={cmp.error} />
      {r && <>
        <p class="muted">{count(r.questions, 'question')} both sets answer. {url && <a href={url + '&format=csv'} download>Download CSV</a>}</p>
        <div class="results-grid">
          <WorldMap label={`Change in similarity from ${r.before} to ${r.after}`} legendTitle="Change"
            values={onePerCode(r.countries).map((c) => ({ iso3: c.iso3!, name: c.country, value: c.change,
              detail: `${fixed(c.before)} → ${fixed(c.after)} (${c.change >= 0 ? '+' : ''}${fixed(c.change)})` }))}
            color={color} domain={[-m, m]} format={(v) => (v > 0 ? '+' : '') + v.toFixed(2)} />
          <div class="table-scroll change-bars" role="region" tabIndex={0} aria-label="Change per country, largest gain first">
            {r.countries.map((c) => (
              <div class="change-row" key={c.country} title={`${c.country}: ${fixed(c.before)} → ${fixed(c.after)}`}>
                <span class="change-name">{c.country}</span>
                <span class="change-track">
                  <span class={'change-bar ' + (c.change >= 0 ? 'up' : 'down')}
                    style={c.change >= 0 ? { left: '50%', width: `${(c.change / m) * 50}%`, background: color(c.change) }
                      : { right: '50%', width: `${(-c.change / m) * 50}%`, background: color(c.change) }} />
                </span>
                <span class="change-num">{c.change >= 0 ? '+' : ''}{fixed(c.change, 3)}</span>
              </div>
            ))}
          </div>
        </div>
      </>}
    </section>
  )
}
