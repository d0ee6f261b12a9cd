import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { storedToken, withToken } from './participant'

describe('the participant token', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => vi.unstubAllGlobals())

  it('is made once when several parts of the page ask for it at the same moment', async () => {
    let joins = 0
    vi.stubGlobal('fetch', async () => {
      joins++
      await new Promise((r) => setTimeout(r, 10))
      return new Response(JSON.stringify({ participantId: joins, token: `tok-${joins}`, conversation: 'park' }),
        { status: 201, headers: { 'Content-Type': 'application/json' } })
    })
    const q = new URLSearchParams()
    const seen = await Promise.all([withToken('park', q, async (t) => t), withToken('park', q, async (t) => t), withToken('park', q, async (t) => t)])
    expect(joins).toBe(1)
    expect(seen).toEqual(['tok-1', 'tok-1', 'tok-1'])
    expect(storedToken('park')).toBe('tok-1')
  })

  it('joins with the xid and signature from the link', async () => {
    const bodies: unknown[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)))
      return new Response(JSON.stringify({ participantId: 1, token: 'tok', conversation: 'park' }), { status: 201, headers: { 'Content-Type': 'application/json' } })
    })
    await withToken('park', new URLSearchParams('xid=user-7&signature=abc'), async (t) => t)
    expect(bodies).toEqual([{ xid: 'user-7', signature: 'abc' }])
  })
})
