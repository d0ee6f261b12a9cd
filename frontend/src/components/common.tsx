import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { linkClick } from '../lib/router'
import { messageOf } from '../lib/api'

export function Link({ href, children, class: cls, ...rest }: { href: string; children: ComponentChildren; class?: string; [k: string]: unknown }) {
  return <a href={href} class={cls} onClick={linkClick} {...rest}>{children}</a>
}

/** An error sentence, announced to screen readers. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null
  return (
    <p class="error" role="alert">
      {messageOf(error)}{onRetry && <> <button type="button" class="link-button" onClick={onRetry}>Try again</button></>}
    </p>
  )
}

/** A determinate progress bar with its label. */
export function Progress({ value, label }: { value: number | null; label: string }) {
  return (
    <div class="progress">
      <progress max={1} value={value ?? undefined} aria-label={label} />
      <span>{label}</span>
    </div>
  )
}

/** Calls load() now and every intervalMs while the page is visible; answers the latest value and error. */
export function usePoll<T>(load: () => Promise<T>, intervalMs: number, deps: unknown[]): { data: T | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  useEffect(() => {
    let stopped = false
    let timer: number | undefined
    const run = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const value = await loadRef.current()
          if (!stopped) { setData(value); setError(null) }
        } catch (e) {
          if (!stopped) setError(e)
        }
      }
      if (!stopped && intervalMs > 0) timer = window.setTimeout(run, intervalMs)
    }
    setData(null)
    run()
    return () => { stopped = true; window.clearTimeout(timer) }
  }, [...deps, tick])
  return { data, error, reload: () => setTick((t) => t + 1) }
}

export function Copyable({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div class="copyable">
      <label>{label}
        <input readOnly value={value} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      </label>
      <button type="button" class="secondary" onClick={async () => {
        try { await navigator.clipboard.writeText(value); setCopied(true); setTimeout(() => setCopied(false), 1500) } catch { /* the field stays selectable */ }
      }}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  )
}

/** Runs load() whenever deps change; answers its value, error and whether it is running. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let stopped = false
    setState((s) => ({ data: s.data, error: null, loading: true }))
    load().then((data) => { if (!stopped) setState({ data, error: null, loading: false }) },
      (error) => { if (!stopped) setState({ data: null, error, loading: false }) })
    return () => { stopped = true }
  }, [...deps, tick])
  return { ...state, reload: () => setTick((t) => t + 1) }
}
