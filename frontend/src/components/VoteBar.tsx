import { shares, percent } from '../lib/format'
import type { Tally } from '../lib/types'

/** A stacked agree / disagree / pass bar with the numbers spelled out for screen readers and on hover. */
export function VoteBar({ tally, label }: { tally: Tally; label?: string }) {
  const s = shares(tally)
  const text = `${label ? label + ': ' : ''}${percent(s.agree)} agree, ${percent(s.disagree)} disagree, ${percent(s.pass)} pass (${s.total} votes)`
  return (
    <div class="votebar-row">
      {label && <span class="votebar-label">{label}</span>}
      <div class="votebar" role="img" aria-label={text} title={text}>
        {s.total === 0 ? <span class="vb-none" style={{ width: '100%' }} /> : <>
          <span class="vb-agree" style={{ width: percent(s.agree, 2) }} />
          <span class="vb-disagree" style={{ width: percent(s.disagree, 2) }} />
          <span class="vb-pass" style={{ width: percent(s.pass, 2) }} />
        </>}
      </div>
      <span class="votebar-num">{s.total === 0 ? 'no votes' : `${percent(s.agree)} · ${percent(s.disagree)} · ${s.total}`}</span>
    </div>
  )
}

export function VoteLegend() {
  return (
    <p class="legend" aria-hidden="true">
      <span><i class="vb-agree" /> agree</span><span><i class="vb-disagree" /> disagree</span><span><i class="vb-pass" /> pass</span>
    </p>
  )
}
