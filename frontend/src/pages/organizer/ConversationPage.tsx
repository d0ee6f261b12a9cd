import { useState } from 'preact/hooks'
import { get, patch, post } from '../../lib/api'
import { ago, count, statementLength, toMillis } from '../../lib/format'
import type { Conversation } from '../../lib/types'
import { Copyable, ErrorNote, Link, usePoll } from '../../components/common'
import { Moderation } from './Moderation'
import { Report } from './Report'
import { ConstitutionBuilder } from './ConstitutionBuilder'

const TABS: [string, string][] = [['overview', 'Overview'], ['moderate', 'Moderation'], ['report', 'Report'], ['constitution', 'Constitution']]

/** One conversation for its organizer: share and settings, moderation queue, report, constitution. */
export function ConversationPage({ slug, tab }: { slug: string; tab: string }) {
  const base = `/api/conversations/${encodeURIComponent(slug)}`
  const { data: conv, error, reload } = usePoll(() => get<Conversation>(`${base}/manage`), 5000, [slug])
  return (
    <main class="page wide">
      <p class="crumbs"><Link href="/organize">Your conversations</Link> ›</p>
      {!conv && error ? <><h1>This conversation could not be opened</h1><ErrorNote error={error} onRetry={reload} /></> : null}
      {conv && <>
        <div class="page-head">
          <div>
            <h1>{conv.topic}</h1>
            <p class="muted">{conv.open ? <span class="badge open">open</span> : <span class="badge closed">closed</span>}
              {' '}{count(conv.counts?.participants ?? 0, 'participant')} · {count(conv.counts?.accepted ?? 0, 'statement')}
              {' '}· {count(conv.counts?.votes ?? 0, 'vote')} · last activity {ago(conv.counts?.lastActivity)}</p>
          </div>
          <a class="button secondary" href={`/c/${encodeURIComponent(conv.slug)}`} target="_blank" rel="noopener">Open the participant page ↗</a>
        </div>
        <nav class="tabs" aria-label="Conversation">
          {TABS.map(([id, label]) => (
            <Link key={id} href={`/organize/c/${encodeURIComponent(slug)}${id === 'overview' ? '' : '/' + id}`}
              class={tab === id ? 'tab active' : 'tab'} aria-current={tab === id ? 'page' : undefined}>
              {label}{id === 'moderate' && (conv.counts?.pending ?? 0) > 0 ? <span class="badge pending">{conv.counts!.pending}</span> : null}
            </Link>
          ))}
        </nav>
        {tab === 'overview' && <Overview conv={conv} base={base} onChange={reload} />}
        {tab === 'moderate' && <Moderation base={base} conv={conv} onChange={reload} />}
        {tab === 'report' && <Report base={base} questions={conv.metadataQuestions ?? []} />}
        {tab === 'constitution' && <ConstitutionBuilder base={base} />}
      </>}
      {!conv && !error && <p class="muted" aria-busy="true">Loading…</p>}
    </main>
  )
}

function Overview({ conv, base, onChange }: { conv: Conversation; base: string; onChange: () => void }) {
  const link = `${location.origin}/c/${encodeURIComponent(conv.slug)}`
  const embed = `<iframe src="${link}" title="${conv.topic.replace(/"/g, '&quot;')}" width="100%" height="760" style="border:0" loading="lazy"></iframe>`
  const [error, setError] = useState<unknown>(null)
  const [seed, setSeed] = useState('')
  const [added, setAdded] = useState<string | null>(null)
  const fresh = new URLSearchParams(location.search).has('created')
  const [editing, setEditing] = useState(false)
  const toggle = async () => {
    setError(null)
    try { await post(`${base}/${conv.open ? 'close' : 'reopen'}`); onChange() } catch (e) { setError(e) }
  }
  const addSeed = async (e: Event) => {
    e.preventDefault()
    setError(null)
    setAdded(null)
    try { await post(`${base}/statements`, { text: seed.trim() }); setSeed(''); setAdded('Statement added.'); onChange() } catch (err) { setError(err) }
  }
  const c = conv.counts
  return (
    <div class="overview-grid">
      <section class="panel">
        {fresh && <p class="success" role="status">The conversation is ready. Share its link:</p>}
        <h2>Share</h2>
        <Copyable label="Public link" value={link} />
        <Copyable label="Embed on your site" value={embed} />
      </section>
      <section class="panel">
        <h2>Live counts</h2>
        <dl class="stats">
          <div><dt>Participants</dt><dd>{c?.participants ?? 0}</dd></div>
          <div><dt>Voted</dt><dd>{c?.voters ?? 0}</dd></div>
          <div><dt>Votes</dt><dd>{c?.votes ?? 0}</dd></div>
          <div><dt>Statements</dt><dd>{c?.accepted ?? 0}</dd></div>
          <div><dt>To moderate</dt><dd>{c?.pending ?? 0}</dd></div>
          <div><dt>Removed</dt><dd>{c?.rejected ?? 0}</dd></div>
        </dl>
        <p class="muted small">Last activity {ago(c?.lastActivity)}. Updates every few seconds.</p>
      </section>
      <section class="panel">
        <h2>Add a statement</h2>
        <form onSubmit={addSeed} class="stack">
          <label class="field">Statement<span class="hint">{statementLength(seed)} / {conv.statementMaxLength}</span>
            <textarea rows={2} value={seed} onInput={(e) => setSeed((e.currentTarget as HTMLTextAreaElement).value)} /></label>
          <button type="submit" class="secondary">Add statement</button>
        </form>
        {added && <p class="success" role="status">{added}</p>}
      </section>
      <section class="panel">
        <div class="section-head"><h2>Settings</h2>
          <button type="button" class="link-button" aria-expanded={editing} onClick={() => setEditing(!editing)}>{editing ? 'Cancel' : 'Edit'}</button></div>
        {editing && <EditSettings conv={conv} base={base} onSaved={() => { setEditing(false); onChange() }} />}
        <ul class="plain-list">
          <li>Moderation: {conv.moderation === 'pre' ? 'statements wait for approval' : 'statements show at once'}</li>
          <li>Participants {conv.participantsCanWrite ? 'may' : 'may not'} add statements, up to {conv.statementMaxLength} characters</li>
          <li>Identity: {conv.identity === 'xid' ? 'external ids from your site' : 'anonymous'}</li>
          {conv.closesAt && <li>Closes {new Date(toMillis(conv.closesAt)).toLocaleString()}</li>}
        </ul>
        <button type="button" class={conv.open ? 'danger' : 'secondary'} onClick={toggle}>{conv.open ? 'Close the conversation' : 'Reopen the conversation'}</button>
      </section>
      <Invite base={base} />
      <ErrorNote error={error} />
    </div>
  )
}

/** Invite another organizer (who already has an account) to co-organize. */
function Invite({ base }: { base: string }) {
  const [email, setEmail] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    setError(null)
    setDone(null)
    try {
      await post(`${base}/organizers`, { email: email.trim() })
      setDone(`${email.trim()} can now organize this conversation.`)
      setEmail('')
    } catch (err) { setError(err) }
  }
  return (
    <section class="panel">
      <h2>Co-organizers</h2>
      <form class="inline-form" onSubmit={submit}>
        <label class="visually-hidden" for="invite-email">Their account email</label>
        <input id="invite-email" type="email" required placeholder="their account email" value={email}
          onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="secondary">Invite</button>
      </form>
      <ErrorNote error={error} />
      {done && <p class="success" role="status">{done}</p>}
    </section>
  )
}

/** Change a conversation's settings (PATCH: only what is sent changes; the link name never does). */
function EditSettings({ conv, base, onSaved }: { conv: Conversation; base: string; onSaved: () => void }) {
  const [topic, setTopic] = useState(conv.topic)
  const [description, setDescription] = useState(conv.description ?? '')
  const [moderation, setModeration] = useState(conv.moderation)
  const [maxLength, setMaxLength] = useState(conv.statementMaxLength)
  const [canWrite, setCanWrite] = useState(conv.participantsCanWrite)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    setError(null)
    try {
      await patch(base, { topic: topic.trim(), description, moderation, statementMaxLength: maxLength, participantsCanWrite: canWrite })
      onSaved()
    } catch (err) { setError(err) }
  }
  return (
    <form class="stack edit-settings" onSubmit={submit}>
      <label class="field">Topic<input value={topic} required maxLength={300} onInput={(e) => setTopic((e.currentTarget as HTMLInputElement).value)} /></label>
      <label class="field">Description (Markdown)<textarea rows={4} value={description}
        onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)} /></label>
      <label class="field">Moderation
        <select value={moderation} onChange={(e) => setModeration((e.currentTarget as HTMLSelectElement).value as 'post' | 'pre')}>
          <option value="post">show statements at once</option>
          <option value="pre">hold statements until accepted</option>
        </select></label>
      <label class="field">Length limit (characters)<input type="number" min={10} max={2000} value={maxLength}
        onInput={(e) => setMaxLength(Number((e.currentTarget as HTMLInputElement).value) || conv.statementMaxLength)} /></label>
      <label class="check"><input type="checkbox" checked={canWrite} onChange={(e) => setCanWrite((e.currentTarget as HTMLInputElement).checked)} />
        Participants may add statements</label>
      <ErrorNote error={error} />
      <button type="submit" class="primary">Save settings</button>
    </form>
  )
}
