import { polygonHull } from 'd3-polygon'
import { useState } from 'preact/hooks'
import { groupColor, groupLabel, groupTextColor, count } from '../lib/format'

export interface MapPoint { id: string; x: number; y: number; group: number | null }
export interface MapGroup { id: number; size: number }

interface Props {
  points: MapPoint[]
  groups: MapGroup[]
  /** The participant's own point id, highlighted as "You". */
  you?: string | null
  /** Position of the participant when it is not among the points. */
  youPosition?: [number, number] | null
  width?: number
  height?: number
  label?: string
}

const PAD = 28

/**
 * The opinion map: participants as points in the analysis's 2-D projection, coloured by group, each group
 * outlined by its convex hull and labelled; "You" is ringed. Colours are Okabe–Ito and every group also has a
 * letter, so colour is never the only cue.
 */
export function OpinionMap({ points, groups, you, youPosition, width = 640, height = 420, label = 'Opinion map' }: Props) {
  const [hover, setHover] = useState<number | null>(null)
  const all = points.map((p) => [p.x, p.y] as [number, number])
  if (youPosition) all.push(youPosition)
  if (all.length === 0) return <p class="muted">No one has been placed on the map yet.</p>
  const xs = all.map((p) => p[0])
  const ys = all.map((p) => p[1])
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)]
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)]
  const sx = (x: number) => PAD + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - 2 * PAD)
  const sy = (y: number) => PAD + (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0)) * (height - 2 * PAD)
  const byGroup = new Map<number, [number, number][]>()
  for (const p of points) {
    if (p.group == null) continue
    const list = byGroup.get(p.group) ?? []
    list.push([sx(p.x), sy(p.y)])
    byGroup.set(p.group, list)
  }
  const youPoint = you ? points.find((p) => p.id === you) : undefined
  const youXY = youPoint ? [sx(youPoint.x), sy(youPoint.y)] : youPosition ? [sx(youPosition[0]), sy(youPosition[1])] : null
  return (
    <figure class="opinion-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${count(points.length, 'participant')} in ${count(groups.length, 'group')}`}>
        <rect x="0" y="0" width={width} height={height} rx="10" class="map-bg" />
        <line x1={width / 2} y1={PAD / 2} x2={width / 2} y2={height - PAD / 2} class="map-axis" />
        <line x1={PAD / 2} y1={height / 2} x2={width - PAD / 2} y2={height / 2} class="map-axis" />
        {[...byGroup.entries()].map(([g, pts]) => {
          const hull = pts.length >= 3 ? polygonHull(pts) : null
          const size = groups.find((x) => x.id === g)?.size ?? pts.length
          return (
            <g key={g} onMouseEnter={() => setHover(g)} onMouseLeave={() => setHover(null)} class={hover === g ? 'hull hover' : 'hull'}>
              <title>{`${groupLabel(g)}: ${count(size, 'participant')}`}</title>
              {hull && <polygon points={hull.map((p) => p.join(',')).join(' ')} fill={groupColor(g)} fill-opacity={hover === g ? 0.22 : 0.12}
                stroke={groupColor(g)} stroke-width="2" stroke-linejoin="round" />}
            </g>
          )
        })}
        {stacked(points, sx, sy).map(({ x, y, group, n, key }) => (
          <circle key={key} cx={x} cy={y} r={(group == null ? 3 : 4.5) + (n > 1 ? Math.sqrt(n - 1) * 2 : 0)}
            fill={group == null ? '#9aa3ad' : groupColor(group)} fill-opacity={group == null ? 0.6 : 0.8}
            stroke="#fff" stroke-width="1"><title>{n > 1 ? `${n} participants who voted alike` : '1 participant'}</title></circle>
        ))}
        {[...byGroup.entries()].map(([g, pts]) => {
          const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length
          const cy = Math.min(...pts.map((p) => p[1])) - 12
          const size = groups.find((x) => x.id === g)?.size ?? pts.length
          const text = `${groupLabel(g)} · ${size}`
          return (
            <g key={'l' + g} class="group-label" pointer-events="none">
              <text x={cx} y={Math.max(16, cy)} text-anchor="middle" class="halo">{text}</text>
              <text x={cx} y={Math.max(16, cy)} text-anchor="middle" fill={groupTextColor(g)} class="label">{text}</text>
            </g>
          )
        })}
        {youXY && (
          <g class="you" pointer-events="none">
            <circle cx={youXY[0]} cy={youXY[1]} r="11" fill="none" stroke="#111" stroke-width="3" />
            <circle cx={youXY[0]} cy={youXY[1]} r="5" fill="#111" />
            <text x={youXY[0] + 15} y={youXY[1] + 5} class="halo">You</text>
            <text x={youXY[0] + 15} y={youXY[1] + 5} class="you-label">You</text>
          </g>
        )}
      </svg>
      {hover != null && (
        <figcaption class="map-hover" aria-live="polite">
          {groupLabel(hover)}: {count(groups.find((g) => g.id === hover)?.size ?? 0, 'participant')}
        </figcaption>
      )}
    </figure>
  )
}

/** Participants who voted alike share a point: draw one dot per place (and group), larger for more people. */
export function stacked(points: MapPoint[], sx: (x: number) => number, sy: (y: number) => number) {
  const places = new Map<string, { x: number; y: number; group: number | null; n: number; key: string }>()
  for (const p of points) {
    const x = sx(p.x)
    const y = sy(p.y)
    const key = `${Math.round(x)},${Math.round(y)},${p.group}`
    const seen = places.get(key)
    if (seen) seen.n++
    else places.set(key, { x, y, group: p.group, n: 1, key })
  }
  return [...places.values()]
}
