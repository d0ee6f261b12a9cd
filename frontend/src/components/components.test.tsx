import { describe, expect, it } from 'vitest'
import { render } from '@testing-library/preact'
import { OpinionMap } from './OpinionMap'
import { VoteBar } from './VoteBar'
import { PairedBars } from '../pages/research/Research'
import { WorldMap } from '../pages/research/WorldMap'

describe('OpinionMap', () => {
  const points = [
    { id: '1', x: 0, y: 0, group: 0 }, { id: '2', x: 1, y: 0.2, group: 0 }, { id: '3', x: 0.5, y: 1, group: 0 },
    { id: '4', x: 5, y: 5, group: 1 }, { id: '5', x: 6, y: 5.5, group: 1 }, { id: '6', x: 5.5, y: 7, group: 1 },
    { id: '7', x: 3, y: 3, group: null },
  ]
  it('draws every participant, a hull and a label per group, and rings "You"', () => {
    const { container } = render(<OpinionMap points={points} groups={[{ id: 0, size: 3 }, { id: 1, size: 3 }]} you="4" />)
    expect(container.querySelectorAll('polygon')).toHaveLength(2)
    const labels = [...container.querySelectorAll('.group-label .label')].map((t) => t.textContent)
    expect(labels).toEqual(['Group A · 3', 'Group B · 3'])
    expect(container.querySelector('.you-label')?.textContent).toBe('You')
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toContain('7 participants in 2 groups')
  })
  it('draws participants who voted alike as one larger dot', () => {
    const same = [{ id: '1', x: 0, y: 0, group: 0 }, { id: '2', x: 0, y: 0, group: 0 }, { id: '3', x: 0, y: 0, group: 0 },
      { id: '4', x: 1, y: 1, group: 1 }]
    const { container } = render(<OpinionMap points={same} groups={[{ id: 0, size: 3 }, { id: 1, size: 1 }]} />)
    const dots = [...container.querySelectorAll('circle')]
    expect(dots).toHaveLength(2)
    expect(dots[0].querySelector('title')?.textContent).toBe('3 participants who voted alike')
    expect(Number(dots[0].getAttribute('r'))).toBeGreaterThan(Number(dots[1].getAttribute('r')))
  })
  it('says so when nobody is placed', () => {
    const { container } = render(<OpinionMap points={[]} groups={[]} />)
    expect(container.textContent).toContain('No one has been placed')
  })
})

describe('VoteBar', () => {
  it('spells out the shares for screen readers', () => {
    const { container } = render(<VoteBar tally={{ agree: 6, disagree: 3, pass: 1 }} label="Group A" />)
    expect(container.querySelector('[role=img]')?.getAttribute('aria-label')).toBe('Group A: 60% agree, 30% disagree, 10% pass (10 votes)')
    expect((container.querySelector('.vb-agree') as HTMLElement).style.width).toBe('60%')
  })
})

describe('PairedBars', () => {
  it('shows the model beside the country for every option', () => {
    const detail = { qid: 3, question: 'Is it good?', options: ['Yes', 'No'], model: [0.25, 0.75],
      countries: [{ country: 'Japan', iso3: 'JPN', shares: [0.5, 0.5], similarity: 0.8 }] }
    const { container } = render(<PairedBars detail={detail} country="Japan" modelName="m" />)
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => r.textContent)
    expect(rows).toEqual(['Yes25%50%', 'No75%50%'])
    expect(container.textContent).toContain('similarity for Japan: 0.800')
  })
})

describe('WorldMap', () => {
  it('colours the countries with a value and hatches the rest', () => {
    const { container } = render(<WorldMap label="map" legendTitle="Similarity" domain={[0, 1]} format={(v) => v.toFixed(2)}
      color={(v) => (v > 0.5 ? 'rgb(0, 0, 128)' : 'rgb(200, 200, 0)')}
      values={[{ iso3: 'JPN', name: 'Japan', value: 0.9 }, { iso3: 'BRA', name: 'Brazil', value: 0.2 }]} />)
    const japan = container.querySelector('[data-iso3=JPN]')
    expect(japan?.getAttribute('fill')).toBe('rgb(0, 0, 128)')
    expect(container.querySelector('[data-iso3=BRA]')?.getAttribute('fill')).toBe('rgb(200, 200, 0)')
    expect(container.querySelectorAll('path.country').length).toBeGreaterThan(150)
    expect(container.querySelectorAll('path.country.has-value')).toHaveLength(2)
    expect(japan?.querySelector('title')?.textContent).toBe('Japan: 0.90')
  })
})
