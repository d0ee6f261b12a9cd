import { render } from 'preact'
import { lazy, Suspense } from 'preact/compat'
import './index.css'
import { usePath } from './lib/router'
import { Landing } from './pages/Landing'
import { Participant } from './pages/Participant'
import { Link } from './components/common'

// Organizer and researcher pages load on demand, so the participant's page stays small.
const Organize = lazy(() => import('./pages/organizer/Organize'))
const Research = lazy(() => import('./pages/research/Research'))

function NotFound() {
  return (
    <main class="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. <Link href="/">Go to the start page</Link>.</p>
    </main>
  )
}

function Header({ section }: { section: string }) {
  return (
    <header class="site-header">
      <div class="site-header-inner">
        <a href="/" class="brand" aria-label="Charter, start page"><span class="brand-mark" aria-hidden="true">◆</span> Charter</a>
        {section !== 'participant' && (
          <nav aria-label="Main">
            <Link href="/organize" class={section === 'organize' ? 'active' : ''}>Organize</Link>
            <Link href="/research" class={section === 'research' ? 'active' : ''}>Research</Link>
          </nav>
        )}
      </div>
    </header>
  )
}

export function App() {
  const full = usePath()
  const path = full.split('?')[0].replace(/\/+$/, '') || '/'
  const conversation = /^\/c\/([^/]+)$/.exec(path)
  let section = 'home'
  let page
  if (path === '/') page = <Landing />
  else if (conversation) { section = 'participant'; page = <Participant key={conversation[1]} slug={decodeURIComponent(conversation[1])} /> }
  else if (path === '/organize' || path.startsWith('/organize/')) { section = 'organize'; page = <Organize path={path} /> }
  else if (path === '/research' || path.startsWith('/research/')) { section = 'research'; page = <Research path={full} /> }
  else page = <NotFound />
  return (
    <>
      <a href="#content" class="skip-link">Skip to content</a>
      <Header section={section} />
      <div id="content">
        <Suspense fallback={<main class="page" aria-busy="true"><p class="muted">Loading…</p></main>}>{page}</Suspense>
      </div>
    </>
  )
}

render(<App />, document.getElementById('app')!)
