/** A failed API call, with a sentence a person can read (the problem document's detail, never raw JSON). */
export class ApiError extends Error {
  readonly status: number
  readonly where: string | null

  constructor(status: number, message: string, where: string | null = null) {
    super(message)
    this.status = status
    this.where = where
  }
}

/** Turns an API message ("topic must not be empty") into a sentence ("Topic must not be empty."). */
export function sentence(text: string): string {
  const t = text.trim()
  if (!t) return t
  const first = t.charAt(0).toUpperCase() + t.slice(1)
  return /[.!?]$/.test(first) ? first : first + '.'
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Please sign in first.',
  403: 'You are not allowed to do that.',
  404: 'That page or item does not exist (any more).',
  409: 'That conflicts with what is already there.',
  413: 'That file is too large.',
  429: 'Too many requests; wait a moment and try again.',
  500: 'Something went wrong on the server. Try again in a moment.',
  502: 'The server cannot be reached. Try again in a moment.',
  503: 'The server is busy or starting. Try again in a moment.',
}

/** The message for a failed response: the problem document's detail when there is one. */
export function problemMessage(status: number, body: string, contentType: string): ApiError {
  if (contentType.includes('json')) {
    try {
      const doc = JSON.parse(body) as { detail?: unknown; title?: unknown; where?: unknown }
      const where = typeof doc.where === 'string' ? doc.where : null
      if (typeof doc.detail === 'string' && doc.detail.trim() && doc.detail !== doc.title) {
        return new ApiError(status, sentence(doc.detail), where)
      }
      return new ApiError(status, STATUS_MESSAGES[status] ?? sentence(String(doc.title ?? 'The request failed')), where)
    } catch {
      // not JSON after all: fall through to the status message
    }
  }
  return new ApiError(status, STATUS_MESSAGES[status] ?? `The request failed (HTTP ${status}). Try again.`)
}

export type Headers = Record<string, string>

/** Calls the API; answers the parsed JSON (or null for an empty body) or throws an ApiError with a sentence. */
export async function api<T>(method: string, path: string, body?: unknown, headers: Headers = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.')
  }
  const text = await response.text()
  const type = response.headers.get('Content-Type') ?? ''
  if (!response.ok) throw problemMessage(response.status, text, type)
  if (!text) return null as T
  try {
    return JSON.parse(text) as T
  } catch {
    throw new ApiError(response.status, 'The server sent an answer this page cannot read. Reload the page.')
  }
}

export const get = <T>(path: string, headers?: Headers) => api<T>('GET', path, undefined, headers)
export const post = <T>(path: string, body: unknown = {}, headers?: Headers) => api<T>('POST', path, body, headers)
export const patch = <T>(path: string, body: unknown, headers?: Headers) => api<T>('PATCH', path, body, headers)
export const put = <T>(path: string, body: unknown, headers?: Headers) => api<T>('PUT', path, body, headers)

/**
 * Uploads a file body with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * onProgress gets a fraction 0..1 while sending; the promise resolves with the parsed JSON answer.
 */
export function upload<T>(url: string, file: Blob, contentType: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total) }
    xhr.onload = () => {
      const type = xhr.getResponseHeader('Content-Type') ?? ''
      if (xhr.status >= 200 && xhr.status < 300) {
        try { resolve(JSON.parse(xhr.responseText) as T) } catch { reject(new ApiError(xhr.status, 'The server sent an answer this page cannot read.')) }
      } else {
        reject(problemMessage(xhr.status, xhr.responseText, type))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, 'The upload did not reach the server. Check your connection and try again.'))
    xhr.send(file)
  })
}

/** The message to show for any thrown value. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return sentence(e.message)
  return 'Something went wrong. Try again.'
}
