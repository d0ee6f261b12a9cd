import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { Participant } from './Participant'

/** A stand-in for the server's answers at the network boundary, recording every request. */
function server(routes: Record<string, (body: unknown) => [number, unknown]>) {
  const calls: { method: string; url: string; body: unknown; token: string | null }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    const body = init.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, url, body, token: (init.headers as Record<string, string>)?.['X-Participant-Token'] ?? null })
    const route = routes[`${method} ${url}`]
    const [status, payload] = route ? route(body) : [404, { title: 'Not Found', status: 404, detail: 'no such route' }]
    return new Response(JSON.stringify(payload), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
  })
  return calls
}

const C = '/api/conversations/park'
const conversation = { id: 1, slug: 'park', topic: 'The park', description: 'Tell us **what** you think.', participantsCanWrite: true,
  moderation: 'post', statementMaxLength: 20, identity: 'anonymous', open: true, createdAt: '2026-01-01T00:00:00Z' }

describe('the participant page', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => { cleanup(); vi.unstubAllGlobals() })

  it('joins, shows a card, votes with the A key and shows the next card from the receipt', async () => {
    const calls = server({
      [`GET ${C}`]: () => [200, conversation],
      [`POST ${C}/participants`]: () => [201, { participantId: 7, token: 'tok-7', conversation: 'park' }],
      [`GET ${C}/next`]: () => [200, { statement: { id: 1, text: '<img src=x onerror=alert(1)>', meta: false }, voted: 0, remaining: 2 }],
      [`POST ${C}/votes`]: () => [200, { statementId: 1, vote: 1, next: { statement: { id: 2, text: 'Benches everywhere.', meta: false }, voted: 1, remaining: 1 } }],
    })
    render(<Participant slug="park" />)
    // the statement is shown as text, never as markup
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy()
    expect(document.querySelector('.statement-card img')).toBeNull()
    expect(screen.getByText('0 voted · 2 left')).toBeTruthy()
    expect(localStorage.getItem('charter:participant:park')).toBe('tok-7')

    fireEvent.keyDown(window, { key: 'a' })
    expect(await screen.findByText('Benches everywhere.')).toBeTruthy()
    expect(screen.getByText('1 voted · 1 left')).toBeTruthy()
    const vote = calls.find((c) => c.method === 'POST' && c.url.endsWith('/votes'))!
    expect(vote.body).toEqual({ statementId: 1, vote: 'agree' })
    expect(vote.token).toBe('tok-7')
    // the next card came with the receipt: /next was asked only once
    expect(calls.filter((c) => c.url.endsWith('/next'))).toHaveLength(1)
  })

  it('buttons have accessible labels and the own statement box counts characters against the limit', async () => {
    server({
      [`GET ${C}`]: () => [200, conversation],
      [`POST ${C}/participants`]: () => [201, { participantId: 7, token: 'tok-7', conversation: 'park' }],
      [`GET ${C}/next`]: () => [200, { statement: null, voted: 3, remaining: 0, message: 'You have voted on every statement. Thank you!' }],
      [`POST ${C}/statements`]: () => [409, { title: 'Conflict', status: 409, detail: 'this statement already exists (statement 2)', where: 'text' }],
    })
    render(<Participant slug="park" />)
    expect(await screen.findByText('You have voted on every statement. Thank you!')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Agree (key A)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Disagree (key D)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Pass / Unsure (key P)' })).toBeTruthy()

    const box = screen.getByLabelText('Your statement') as HTMLTextAreaElement
    fireEvent.input(box, { target: { value: 'This one is far too long for it' } })
    expect(screen.getByText('31 / 20 characters: 11 too many')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Submit statement' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Your statement is 11 characters too long; shorten it to 20.')

    fireEvent.input(box, { target: { value: 'Benches.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Submit statement' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This statement already exists (statement 2).'))
  })

  it('says in a sentence when the conversation does not exist', async () => {
    server({ [`GET ${C}`]: () => [404, { title: 'Not Found', status: 404, detail: "no conversation named 'park'", where: 'conversation' }] })
    render(<Participant slug="park" />)
    expect((await screen.findByRole('alert')).textContent).toContain("No conversation named 'park'.")
    expect(screen.getByText('This conversation could not be opened')).toBeTruthy()
  })
})
