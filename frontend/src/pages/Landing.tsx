import { useState } from 'preact/hooks'
import { navigate } from '../lib/router'
import { Link } from '../components/common'

/** The start page: what Charter is, and a way in for each audience. */
export function Landing() {
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const open = (e: Event) => {
    e.preventDefault()
    const raw = name.trim()
    const slug = raw.replace(/^.*\/c\//, '').replace(/[/?#].*$/, '')
    if (!slug) { setError('Paste the link you were given, or type the conversation’s name.'); return }
    navigate('/c/' + encodeURIComponent(slug))
  }
  return (
    <main class="page landing">
      <section class="hero">
        <h1>Find what people agree on.</h1>
        <p class="lead">Charter asks people to vote on short statements, finds the opinion groups among them,
          and turns the statements every group agrees with into a collective constitution.</p>
        <form class="join-form" onSubmit={open}>
          <label for="join">Joining a conversation? Paste its link or name</label>
          <div class="inline-form">
            <input id="join" value={name} placeholder="e.g. town-park" autoComplete="off"
              onInput={(e) => { setName((e.currentTarget as HTMLInputElement).value); setError('') }} />
            <button type="submit" class="primary">Open</button>
          </div>
          {error && <p class="error" role="alert">{error}</p>}
        </form>
      </section>
      <section class="audiences">
        <article class="panel">
          <h2>Participants</h2>
          <p>Open the link you were sent. Agree, disagree or pass on one statement at a time, add your own, and see where you stand. No sign-up.</p>
        </article>
        <article class="panel">
          <h2>Organizers</h2>
          <p>Start a conversation, moderate statements, watch the opinion map form, and curate the constitution.</p>
          <Link href="/organize" class="button primary">Organize a conversation</Link>
        </article>
        <article class="panel">
          <h2>Researchers</h2>
          <p>Upload survey data and a language model’s answers, and see whose opinions the model’s answers resemble, country by country.</p>
          <Link href="/research" class="button secondary">Open the research dashboard</Link>
        </article>
      </section>
    </main>
  )
}
