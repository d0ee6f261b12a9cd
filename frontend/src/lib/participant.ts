import { ApiError, get, post } from './api'
import type { Session } from './types'

/** The participant's token for one conversation, kept in localStorage so a returning visitor keeps their votes. */
export function tokenKey(conversation: string): string {
  return 'charter:participant:' + conversation
}

export function storedToken(conversation: string): string | null {
  try { return localStorage.getItem(tokenKey(conversation)) } catch { return null }
}

function storeToken(conversation: string, token: string): void {
  try { localStorage.setItem(tokenKey(conversation), token) } catch { /* private mode: the session lasts this page */ }
}

export function forgetToken(conversation: string): void {
  try { localStorage.removeItem(tokenKey(conversation)) } catch { /* nothing kept */ }
}

// Joins in flight, so that parts of the page asking at the same moment share one participant.
const joining = new Map<string, Promise<string>>()

/** Joins (anonymously, or with the xid and signature from the link) and keeps the token; one join at a time. */
export function join(conversation: string, query: URLSearchParams): Promise<string> {
  const pending = joining.get(conversation)
  if (pending) return pending
  const xid = query.get('xid')
  const body = xid ? { xid, signature: query.get('signature') ?? undefined } : {}
  const started = post<Session>(`/api/conversations/${encodeURIComponent(conversation)}/participants`, body)
    .then((session) => { storeToken(conversation, session.token); return session.token })
    .finally(() => joining.delete(conversation))
  joining.set(conversation, started)
  return started
}

/**
 * Calls fn with the participant's token, joining first when there is none, and joining again once when the
 * server no longer knows the token (401), e.g. after the database was reset.
 */
export async function withToken<T>(conversation: string, query: URLSearchParams, fn: (token: string) => Promise<T>): Promise<T> {
  let token = storedToken(conversation) ?? await join(conversation, query)
  try {
    return await fn(token)
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      if (storedToken(conversation) === token) forgetToken(conversation)
      token = storedToken(conversation) ?? await join(conversation, query)
      return fn(token)
    }
    throw e
  }
}

export const participantHeaders = (token: string) => ({ 'X-Participant-Token': token })

/** GET that answers null on 404 (a feature that is not there yet, or nothing published). */
export async function getOptional<T>(path: string, headers?: Record<string, string>): Promise<T | null> {
  try {
    return await get<T>(path, headers)
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null
    throw e
  }
}
