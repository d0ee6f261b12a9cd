import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen } from '@testing-library/preact'
import { PublishedConstitution, everyGroup } from './PublishedConstitution'

afterEach(() => { cleanup(); vi.unstubAllGlobals() })

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

describe('the published constitution', () => {
  it('lists the principles with the least agreement of any group', async () => {
    answer(200, { title: 'Our park', version: { number: 2 }, principles: [
      { text: 'Keep the trees.', groupAgreement: { 0: 0.91, 1: 0.78 }, votes: 40 },
      { text: 'Benches for everyone.', groupAgreement: { 1: 0.7, 0: 0.8 }, votes: 35 },
    ] })
    render(<PublishedConstitution conversation="park" />)
    expect(await screen.findByText('Keep the trees.')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Our park' })).toBeTruthy()
    const support = [...document.querySelectorAll('.support')].map((e) => e.textContent)
    expect(support).toEqual(['Agreed by at least 78% of every group (A 91% · B 78%)', 'Agreed by at least 70% of every group (A 80% · B 70%)'])
  })
  it('shows nothing when none is published', async () => {
    answer(404, { status: 404, detail: 'nothing published' })
    const { container } = render(<PublishedConstitution conversation="park" />)
    await new Promise((r) => setTimeout(r, 20))
    expect(container.textContent).toBe('')
  })
  it('takes the lowest group share', () => {
    expect(everyGroup({ text: 'x', groupAgreement: { 0: 0.5, 1: 0.9, 2: 0.6 } })).toBe(0.5)
    expect(everyGroup({ text: 'x' })).toBeNull()
  })
})
