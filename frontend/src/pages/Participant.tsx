import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { get, post, put, messageOf, ApiError } from '../lib/api'
import { markdownToHtml } from '../lib/markdown'
import { withToken, participantHeaders, getOptional } from '../lib/participant'
import { cleanStatement, count, groupLabel, groupTextColor, percent, statementLength } from '../lib/format'
import type { Analysis, Card, Conversation, Me, Next, Receipt, Vote } from '../lib/types'
import { OpinionMap, type MapPoint } from '../components/OpinionMap'
import { ErrorNote } from '../components/common'
import { PublishedConstitution } from './PublishedConstitution'

const VOTE_KEYS: Record<string, Vote> = {
  a: 'agree', A: 'agree', ArrowRight: 'agree',
  d: 'disagree', D: 'disagree', ArrowLeft: 'disagree',
  p: 'pass', P: 'pass', ArrowDown: 'pass', ArrowUp: 'pass',
}

/** The participant's page: topic, one statement card at a time, their own statement, where they stand. */
export function Participant({ slug }: { slug: string }) {
  const query = useMemo(() => new URLSearchParams(location.search), [])
  const base = `/api/conversations/${encodeURIComponent(slug)}`
  const [conv, setConv] = useState<Conversation | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [next, setNext] = useState<Next | null>(null)
  const [busy, setBusy] = useState<Vote | null>(null)
  const [voteError, setVoteError] = useState<unknown>(null)
  const [lastVote, setLastVote] = useState<string>('')
  const [standingTick, setStandingTick] = useState(0)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      const c = await get<Conversation>(base)
      setConv(c)
      document.title = `${c.topic} · Charter`
      setNext(await withToken(slug, query, (t) => get<Next>(`${base}/next`, participantHeaders(t))))
    } catch (e) {
      setLoadError(e)
    }
  }, [slug])

  useEffect(() => { load() }, [load])

  const card = next?.statement ?? null
  const vote = useCallback(async (v: Vote) => {
    if (!card || busy) return
    setBusy(v)
    setVoteError(null)
    try {
      const receipt = await withToken(slug, query, (t) =>
        post<Receipt>(`${base}/votes`, { statementId: card.id, vote: v }, participantHeaders(t)))
      setNext(receipt.next)
      setLastVote(`You voted ${v === 'pass' ? 'pass' : v} on “${card.text.slice(0, 60)}${card.text.length > 60 ? '…' : ''}”.`)
      if (receipt.next.voted % 3 === 0 || !receipt.next.statement) setStandingTick((t) => t + 1)
    } catch (e) {
      setVoteError(e)
      if (e instanceof ApiError && e.status === 409) {
        // the statement was removed or the conversation closed meanwhile: move on to what is open now
        try { setNext(await withToken(slug, query, (t) => get<Next>(`${base}/next`, participantHeaders(t)))) } catch { /* keep the message */ }
      }
    } finally {
      setBusy(null)
    }
  }, [card, busy, slug])

  // The latest vote function, so a key pressed right after a card appears votes on that card.
  const voteRef = useRef(vote)
  voteRef.current = vote
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      if (e.metaKey || e.ctrlKey || e.altKey) return
      const v = VOTE_KEYS[e.key]
      if (v) {
        e.preventDefault()
        voteRef.current(v)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (loadError && !conv) {
    return (
      <main class="page narrow">
        <h1>This conversation could not be opened</h1>
        <ErrorNote error={loadError} onRetry={load} />
        <p>Check the link you were given. <a href="/">Go to the start page</a>.</p>
      </main>
    )
  }
  if (!conv) return <main class="page narrow" aria-busy="true"><div class="skeleton title" /><div class="skeleton card-skeleton" /></main>

  return (
    <main class="page narrow participant">
      <header class="conv-header">
        <h1>{conv.topic}</h1>
        {conv.description && <Description markdown={conv.description} />}
      </header>

      <section class="voting" aria-label="Vote on statements">
        <p class="progress-line" aria-live="polite">
          {next ? `${next.voted} voted · ${next.remaining} left` : '\u00a0'}
        </p>
        <StatementCard card={card} next={next} closed={!conv.open} />
        <div class="vote-buttons" role="group" aria-label="Your vote">
          <VoteButton vote="agree" label="Agree" keyHint="A" busy={busy} disabled={!card} onVote={vote} />
          <VoteButton vote="disagree" label="Disagree" keyHint="D" busy={busy} disabled={!card} onVote={vote} />
          <VoteButton vote="pass" label="Pass / Unsure" keyHint="P" busy={busy} disabled={!card} onVote={vote} />
        </div>
        <p class="keys-hint">Keyboard: <kbd>A</kbd> agree · <kbd>D</kbd> disagree · <kbd>P</kbd> pass (or <kbd>→</kbd> <kbd>←</kbd> <kbd>↓</kbd>)</p>
        <ErrorNote error={voteError} />
        <p class="visually-hidden" aria-live="polite">{lastVote}</p>
      </section>

      {conv.participantsCanWrite && <OwnStatement conv={conv} base={base} slug={slug} query={query} />}

      {conv.metadataQuestions && conv.metadataQuestions.length > 0 && conv.open && (
        <AboutYou conv={conv} base={base} slug={slug} query={query} />
      )}

      <WhereYouStand base={base} slug={slug} query={query} tick={standingTick} voted={next?.voted ?? 0} />

      <PublishedConstitution conversation={slug} />
    </main>
  )
}

function Description({ markdown }: { markdown: string }) {
  const [open, setOpen] = useState(false)
  const html = useMemo(() => markdownToHtml(markdown), [markdown])
  const long = markdown.length > 160 || markdown.includes('\n')
  return (
    <div class="description-wrap">
      <div id="conv-description" class={'description prose' + (long && !open ? ' clamped' : '')} dangerouslySetInnerHTML={{ __html: html }} />
      {long && <button type="button" class="link-button" aria-expanded={open} aria-controls="conv-description" onClick={() => setOpen(!open)}>
        {open ? 'Show less' : 'Read more'}
      </button>}
    </div>
  )
}

function StatementCard({ card, next, closed }: { card: Card | null; next: Next | null; closed: boolean }) {
  return (
    <div class="card-stage">
      {card ? (
        <article class="statement-card" key={card.id} aria-live="polite" aria-label="Statement">
          {card.meta && <p class="card-tag">About the conversation</p>}
          <p class="statement-text" data-statement-id={card.id}>{card.text}</p>
        </article>
      ) : next ? (
        <article class="statement-card done" aria-live="polite">
          <p class="statement-done">{next.message ?? (closed ? 'This conversation is closed.' : 'You have voted on every statement. Thank you!')}</p>
          {!closed && <p class="muted">New statements may arrive; come back later. Below: where you stand.</p>}
        </article>
      ) : (
        <article class="statement-card" aria-busy="true"><div class="skeleton line" /><div class="skeleton line short" /></article>
      )}
    </div>
  )
}

function VoteButton({ vote, label, keyHint, busy, disabled, onVote }: {
  vote: Vote; label: string; keyHint: string; busy: Vote | null; disabled: boolean; onVote: (v: Vote) => void
}) {
  const icon = vote === 'agree' ? '✓' : vote === 'disagree' ? '✕' : '–'
  return (
    <button type="button" class={`vote vote-${vote}${busy === vote ? ' pressed' : ''}`} disabled={disabled}
      aria-label={`${label} (key ${keyHint})`} aria-keyshortcuts={keyHint} onClick={() => onVote(vote)}>
      <span class="vote-icon" aria-hidden="true">{icon}</span>
      <span>{label}</span>
    </button>
  )
}

function OwnStatement({ conv, base, slug, query }: { conv: Conversation; base: string; slug: string; query: URLSearchParams }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const max = conv.statementMaxLength
  const length = statementLength(text)
  const over = length - max
  const submit = async (e: Event) => {
    e.preventDefault()
    if (sending) return
    if (!conv.open) { setError(new ApiError(409, 'This conversation is closed; it no longer accepts statements.')); return }
    if (length === 0) { setError(new ApiError(400, 'Write your statement first.')); return }
    if (over > 0) { setError(new ApiError(400, `Your statement is ${over} ${over === 1 ? 'character' : 'characters'} too long; shorten it to ${max}.`)); return }
    setSending(true)
    setError(null)
    setDone(null)
    try {
      await withToken(slug, query, (t) => post<Card>(`${base}/statements`, { text: cleanStatement(text) }, participantHeaders(t)))
      setText('')
      setDone(conv.moderation === 'pre'
        ? 'Thank you! Your statement will be shown to others once a moderator accepts it.'
        : 'Thank you! Others will now vote on your statement.')
    } catch (err) {
      setError(err)
    } finally {
      setSending(false)
    }
  }
  return (
    <section class="own-statement panel" aria-labelledby="own-title">
      <h2 id="own-title">Add your own statement</h2>
      <p class="muted">{conv.open ? 'Something others have not said yet. One idea, in a sentence or two.'
        : 'This conversation is closed; it no longer accepts statements.'}</p>
      <form onSubmit={submit}>
        <label for="own-text" class="visually-hidden">Your statement</label>
        <textarea id="own-text" rows={3} value={text} disabled={!conv.open} aria-describedby="own-count"
          onInput={(e) => { setText((e.currentTarget as HTMLTextAreaElement).value); setDone(null) }} />
        <div class="form-row">
          <span id="own-count" class={'char-count' + (over > 0 ? ' over' : '')} aria-live="polite">
            {over > 0 ? `${length} / ${max} characters: ${over} too many` : `${length} / ${max} characters`}
          </span>
          <button type="submit" class="primary" disabled={sending || !conv.open}>{sending ? 'Sending…' : 'Submit statement'}</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {done && <p class="success" role="status">{done}</p>}
    </section>
  )
}

function AboutYou({ conv, base, slug, query }: { conv: Conversation; base: string; slug: string; query: URLSearchParams }) {
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim()))
    if (Object.keys(filled).length === 0) { setError(new ApiError(400, 'Answer at least one question, or skip this part.')); return }
    try {
      await withToken(slug, query, (t) => put(`${base}/me/answers`, filled, participantHeaders(t)))
      setSaved(true)
      setError(null)
    } catch (err) { setError(err) }
  }
  return (
    <details class="panel about-you">
      <summary><h2>About you <span class="muted">(optional)</span></h2></summary>
      <form onSubmit={submit}>
        {conv.metadataQuestions!.map((q) => (
          <label key={q.key} class="field">{q.label}
            {q.options && q.options.length > 0 ? (
              <select value={answers[q.key] ?? ''} onChange={(e) => setAnswers({ ...answers, [q.key]: (e.currentTarget as HTMLSelectElement).value })}>
                <option value="">Choose…</option>
                {q.options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : (
              <input value={answers[q.key] ?? ''} maxLength={200} onInput={(e) => setAnswers({ ...answers, [q.key]: (e.currentTarget as HTMLInputElement).value })} />
            )}
          </label>
        ))}
        <button type="submit" class="secondary">Save answers</button>
      </form>
      <ErrorNote error={error} />
      {saved && <p class="success" role="status">Saved. Thank you!</p>}
    </details>
  )
}

interface Standing { me: Me | null; analysis: Analysis | null; texts: Map<number, string> }

function WhereYouStand({ base, slug, query, tick, voted }: { base: string; slug: string; query: URLSearchParams; tick: number; voted: number }) {
  const [standing, setStanding] = useState<Standing | null>(null)
  const [retry, setRetry] = useState(0)
  const texts = useRef(new Map<number, string>())
  // Votes are analysed a moment after they arrive: until the participant is placed, look again now and then.
  useEffect(() => {
    if (!standing?.analysis || standing.me?.group != null || voted === 0 || retry >= 20) return
    const timer = window.setTimeout(() => setRetry((r) => r + 1), 4000)
    return () => window.clearTimeout(timer)
  }, [standing, voted])
  useEffect(() => {
    let stopped = false
    ;(async () => {
      try {
        // before the first vote there is nobody to place (and no participant to create just for asking)
        const [me, analysis] = await Promise.all([
          voted > 0 ? withToken(slug, query, (t) => getOptional<Me>(`${base}/me`, participantHeaders(t))) : Promise.resolve(null),
          getOptional<Analysis>(`${base}/analysis`),
        ])
        if (analysis?.result && texts.current.size === 0) {
          const cards = await get<Card[]>(`${base}/statements`)
          cards.forEach((c) => texts.current.set(c.id, c.text))
        }
        if (!stopped) setStanding({ me, analysis, texts: texts.current })
      } catch {
        // the map is a bonus: voting goes on without it
      }
    })()
    return () => { stopped = true }
  }, [tick, retry, voted > 0])
  const result = standing?.analysis?.result
  if (!standing || !standing.analysis) return null
  const me = standing.me
  const placed = me?.group != null
  const points: MapPoint[] = result
    ? Object.entries(result.projection).map(([id, xy]) => ({ id, x: xy[0], y: xy[1], group: result.participantGroups[id] ?? null }))
    : []
  const myGroup = placed ? result?.groups.find((g) => g.id === me!.group) : undefined
  const agreed = myGroup?.representative.filter((r) => r.direction === 'agree').slice(0, 3) ?? []
  return (
    <section class="panel standing" aria-labelledby="standing-title">
      <h2 id="standing-title">Where you stand</h2>
      {!result || result.groups.length === 0 ? (
        <p class="muted">{result?.note ? messageOf(new Error(result.note)) + ' ' : ''}The opinion groups appear once enough people have voted. Keep voting and come back.</p>
      ) : !placed ? (
        <p class="muted">{voted === 0 ? `Vote on a few statements to see where you stand among the ${count(result.groups.length, 'opinion group')}.`
          : `Vote on a few more statements (${count(voted, 'vote')} so far) to be placed among the ${count(result.groups.length, 'opinion group')}.`}</p>
      ) : (
        <>
          <p>You are in <strong style={{ color: groupTextColor(me!.group!) }}>{groupLabel(me!.group!)}</strong>
            {myGroup && <>, with {count(myGroup.members.length - 1, 'other participant')}</>}.</p>
          <OpinionMap points={points} groups={result.groups.map((g) => ({ id: g.id, size: g.members.length }))}
            you={me ? String(me.participantId) : null} youPosition={points.some((p) => p.id === String(me?.participantId)) ? null : me?.position ?? null}
            width={360} height={260} label="Where you stand among the participants" />
          {agreed.length > 0 && <>
            <h3>Your group agrees most on</h3>
            <ul class="plain-list">
              {agreed.map((r) => <li key={r.statementId}>{standing.texts.get(r.statementId) ?? `Statement ${r.statementId}`}
                <span class="muted"> · {percent(r.probability)} of your group agree</span></li>)}
            </ul>
          </>}
        </>
      )}
    </section>
  )
}
