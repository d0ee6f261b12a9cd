import { useOrganizer, SignIn } from './auth'
import { ConversationList } from './ConversationList'
import { CreateConversation } from './CreateConversation'
import { ConversationPage } from './ConversationPage'
import { ErrorNote } from '../../components/common'

/** The organizer's area: sign-in, then the list, creation, and one conversation's tabs. */
export default function Organize({ path }: { path: string }) {
  const { organizer, error, refresh, signOut } = useOrganizer()
  if (organizer === undefined) return <main class="page" aria-busy="true"><p class="muted">Loading…</p></main>
  if (organizer === null) {
    return <>{error ? <div class="page"><ErrorNote error={error} onRetry={refresh} /></div> : null}
      <SignIn onSignedIn={refresh} purpose="Organizers create conversations, moderate statements and read the report." /></>
  }
  const m = /^\/organize\/c\/([^/]+)(?:\/([a-z]+))?$/.exec(path)
  if (path === '/organize/new') return <CreateConversation />
  if (m) return <ConversationPage slug={decodeURIComponent(m[1])} tab={m[2] ?? 'overview'} />
  return <ConversationList organizer={organizer} onSignOut={signOut} />
}
