import { get } from '../../lib/api'
import { ago } from '../../lib/format'
import type { Conversation, Organizer } from '../../lib/types'
import { ErrorNote, Link, usePoll } from '../../components/common'

/** The organizer's conversations with live counts (refreshed every few seconds). */
export function ConversationList({ organizer, onSignOut }: { organizer: Organizer; onSignOut: () => void }) {
  const { data, error, reload } = usePoll(() => get<Conversation[]>('/api/conversations'), 5000, [])
  return (
    <main class="page">
      <div class="page-head">
        <div>
          <h1>Your conversations</h1>
          <p class="muted">Signed in as {organizer.displayName} ({organizer.email}) · <button type="button" class="link-button" onClick={onSignOut}>Sign out</button></p>
        </div>
        <Link href="/organize/new" class="button primary">New conversation</Link>
      </div>
      <ErrorNote error={error} onRetry={reload} />
      {data && data.length === 0 && (
        <div class="panel empty">
          <h2>No conversations yet</h2>
          <p>Start one: give it a topic, paste a few seed statements, and share the link.</p>
          <Link href="/organize/new" class="button primary">Create your first conversation</Link>
        </div>
      )}
      {data && data.length > 0 && (
        <table class="data-table conversations">
          <thead><tr><th scope="col">Conversation</th><th scope="col" class="num">Participants</th><th scope="col" class="num">Statements</th>
            <th scope="col" class="num">Votes</th><th scope="col">Last activity</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {data.map((c) => (
              <tr key={c.id}>
                <td data-label="Conversation">
                  <Link href={`/organize/c/${encodeURIComponent(c.slug)}`} class="strong">{c.topic}</Link>
                  <div class="muted small">/c/{c.slug} · {c.open ? <span class="badge open">open</span> : <span class="badge closed">closed</span>}</div>
                </td>
                <td data-label="Participants" class="num">{c.counts?.participants ?? 0}</td>
                <td data-label="Statements" class="num">{c.counts?.accepted ?? 0}
                  {(c.counts?.pending ?? 0) > 0 && <> <Link href={`/organize/c/${encodeURIComponent(c.slug)}/moderate`} class="badge pending">{c.counts!.pending} to moderate</Link></>}</td>
                <td data-label="Votes" class="num">{c.counts?.votes ?? 0}</td>
                <td data-label="Last activity">{ago(c.counts?.lastActivity)}</td>
                <td class="actions"><Link href={`/organize/c/${encodeURIComponent(c.slug)}/report`}>Report</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!data && !error && <p class="muted" aria-busy="true">Loading your conversations…</p>}
    </main>
  )
}
