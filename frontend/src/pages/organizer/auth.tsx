import { useEffect, useState } from 'preact/hooks'
import { ApiError, get, post } from '../../lib/api'
import type { Organizer } from '../../lib/types'
import { ErrorNote } from '../../components/common'

/** The signed-in organizer (the session cookie), null when signed out, undefined while asking. */
export function useOrganizer(): { organizer: Organizer | null | undefined; error: unknown; refresh: () => void; signOut: () => Promise<void> } {
  const [organizer, setOrganizer] = useState<Organizer | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    get<Organizer>('/api/auth/me').then((o) => { setOrganizer(o); setError(null) }).catch((e) => {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setOrganizer(null)
      else { setOrganizer(null); setError(e) }
    })
  }, [tick])
  return {
    organizer, error,
    refresh: () => setTick((t) => t + 1),
    signOut: async () => { try { await post('/api/auth/logout') } finally { setOrganizer(null) } },
  }
}

/** The sign-in page. */
export function SignIn({ onSignedIn, purpose }: { onSignedIn: () => void; purpose: string }) {
  return <main class="page auth-page"><SignInForm onSignedIn={onSignedIn} purpose={purpose} /></main>
}

/** Sign in, or create an account; both set the session cookie. */
export function SignInForm({ onSignedIn, purpose }: { onSignedIn: () => void; purpose: string }) {
  const [mode, setMode] = useState<'in' | 'up'>('in')
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (mode === 'up' && password.length < 10) { setError(new ApiError(400, 'Choose a password of at least 10 characters.')); return }
    setBusy(true)
    setError(null)
    try {
      if (mode === 'in') await post('/api/auth/login', { email, password })
      else await post('/api/auth/register', { email, name, password })
      onSignedIn()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
      <div class="panel auth-panel">
        <h1>{mode === 'in' ? 'Sign in' : 'Create an organizer account'}</h1>
        <p class="muted">{purpose}</p>
        <form onSubmit={submit} class="stack">
          <label class="field">Email<input type="email" name="email" autoComplete="email" required value={email}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} /></label>
          {mode === 'up' && <label class="field">Your name<input name="name" autoComplete="name" required value={name}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></label>}
          <label class="field">Password{mode === 'up' && <span class="hint">at least 10 characters</span>}
            <input type="password" name="password" autoComplete={mode === 'in' ? 'current-password' : 'new-password'} required value={password}
              onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} /></label>
          <ErrorNote error={error} />
          <button type="submit" class="primary" disabled={busy}>{busy ? 'One moment…' : mode === 'in' ? 'Sign in' : 'Create account'}</button>
        </form>
        <p class="switch">
          {mode === 'in' ? <>New here? <button type="button" class="link-button" onClick={() => { setMode('up'); setError(null) }}>Create an account</button></>
            : <>Have an account? <button type="button" class="link-button" onClick={() => { setMode('in'); setError(null) }}>Sign in</button></>}
        </p>
      </div>
  )
}
