import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { fromDoc, merge, move, saveBody, split, type ConstitutionDoc } from './constitution'
import { ConstitutionBuilder, DiffView } from './ConstitutionBuilder'

const ev = (id: number, text: string, similarity: number) => ({ statementId: id, text, consensus: 0.5, groupAgreement: { 0: 0.8, 1: 0.7 }, votes: 20, similarity })
const doc: ConstitutionDoc = {
  title: 'Constitution from The park',
  parameters: { minGroupAgreement: 0.6, minGroupVotes: 5, rankBy: 'CONSENSUS', mergeThreshold: 0.8 },
  principles: [
    { text: 'Keep the trees.', statementIds: [1, 4], consensus: 0.6, groupAgreement: { 0: 0.9, 1: 0.75 }, votes: 40,
      statements: [ev(1, 'Keep the trees.', 1), ev(4, 'Keep all the trees!', 0.86)] },
    { text: 'Benches for everyone.', statementIds: [2], consensus: 0.5, groupAgreement: { 0: 0.8, 1: 0.7 }, votes: 30, statements: [ev(2, 'Benches for everyone.', 1)] },
  ],
  excluded: [{ statementIds: [3], text: 'Close at night.', reason: 'below-agreement', groupAgreement: { 0: 0.9, 1: 0.2 }, votes: 25 }],
}

describe('curating a constitution', () => {
  it('moves, splits and merges principles', () => {
    const { principles } = fromDoc(doc)
    expect(move(principles, 1, 0).map((p) => p.text)).toEqual(['Benches for everyone.', 'Keep the trees.'])
    const parted = split(principles, 0, 4)
    expect(parted.map((p) => p.statementIds)).toEqual([[1], [4], [2]])
    expect(parted[1].text).toBe('Keep all the trees!')
    expect(merge(parted, 0, 1).map((p) => p.statementIds)).toEqual([[1, 4], [2]])
  })
  it('sends the curated wording, order, statements and drops', () => {
    const { principles } = fromDoc(doc)
    principles[1].text = 'Benches for all ages. '
    const body = saveBody('Park charter', '', doc.parameters, move(principles, 1, 0), [{ key: 'x', text: 'Close at night.', statementIds: [3], reason: '' }])
    expect(body).toEqual({
      title: 'Park charter',
      parameters: { minGroupAgreement: 0.6, minGroupVotes: 5, rankBy: 'consensus', mergeThreshold: 0.8 },
      principles: [{ text: 'Benches for all ages.', statementIds: [2] }, { text: 'Keep the trees.', statementIds: [1, 4] }],
      dropped: [{ statementIds: [3], reason: 'dropped by the organizer' }],
    })
  })
})

describe('the builder', () => {
  afterEach(() => { cleanup(); vi.unstubAllGlobals() })

  it('shows candidates with their evidence, keeps the original beside a rewording, and saves a version', async () => {
    const posted: unknown[] = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
      if (url.includes('/constitution/draft')) return json(200, doc)
      if (url.endsWith('/constitution/versions') && init.method === 'POST') {
        posted.push(JSON.parse(String(init.body)))
        return json(201, { ...doc, version: { number: 1, published: false } })
      }
      if (url.endsWith('/constitution/versions')) return json(200, [])
      return json(404, { status: 404, detail: 'no such route' })
    })
    render(<ConstitutionBuilder base="/api/conversations/park" />)
    expect(await screen.findByText('Merged from 2 similar statements')).toBeTruthy()
    expect(screen.getByText('Close at night.')).toBeTruthy()
    const first = screen.getByLabelText('Wording of principle 1') as HTMLTextAreaElement
    fireEvent.input(first, { target: { value: 'Protect every tree in the park.' } })
    expect(screen.getByText('Keep the trees.', { selector: '.cb-original' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Move principle 1 down' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 principles' }))
    await waitFor(() => expect(posted).toHaveLength(1))
    expect((posted[0] as { principles: unknown[] }).principles).toEqual([
      { text: 'Benches for everyone.', statementIds: [2] }, { text: 'Protect every tree in the park.', statementIds: [1, 4] }])
    expect(await screen.findByText('Saved as version 1.')).toBeTruthy()
  })

  it('says so when the server has no constitution builder', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"status":404,"detail":"Page Not Found"}', { status: 404, headers: { 'Content-Type': 'application/json' } }))
    render(<ConstitutionBuilder base="/api/conversations/park" />)
    expect(await screen.findByText('The constitution builder is not available on this server yet.')).toBeTruthy()
  })

  it('spells out what changed between versions', () => {
    const { container } = render(<DiffView d={{ from: 1, to: 2, unchanged: 3, added: [{ position: 4, text: 'Quiet hours.' }], removed: [],
      reworded: [{ position: 1, before: 'Keep the trees.', after: 'Protect every tree.' }], moved: [], regrouped: [] }} />)
    expect(container.textContent).toContain('Added as 4: Quiet hours.')
    expect(container.textContent).toContain('Reworded (1): Keep the trees. → Protect every tree.')
    expect(container.textContent).toContain('3 unchanged.')
  })
})
