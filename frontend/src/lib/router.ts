import { useEffect, useState } from 'preact/hooks'

/** A tiny client-side router: the server answers index.html for the app's paths; links use navigate(). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.dispatchEvent(new Event('charter:navigate'))
  window.scrollTo(0, 0)
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname + location.search)
  useEffect(() => {
    const update = () => setPath(location.pathname + location.search)
    window.addEventListener('popstate', update)
    window.addEventListener('charter:navigate', update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener('charter:navigate', update)
    }
  }, [])
  return path
}

/** Click handler for in-app links: plain clicks navigate without reloading; modified clicks behave as usual. */
export function linkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLAnchorElement)
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) return
  e.preventDefault()
  navigate(a.getAttribute('href') ?? '/')
}
