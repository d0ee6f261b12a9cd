import { useMemo, useState } from 'preact/hooks'
import { geoEqualEarth, geoPath, geoGraticule10 } from 'd3-geo'
import { feature } from 'topojson-client'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries110m from 'world-atlas/countries-110m.json'
import isoCountries from 'i18n-iso-countries'

export interface MapValue { iso3: string; name: string; value: number; detail?: string }

interface Props {
  values: MapValue[]
  /** value → colour */
  color: (value: number) => string
  /** Legend: domain ends and how to print a value. */
  domain: [number, number]
  format: (value: number) => string
  legendTitle: string
  selected?: string | null
  onSelect?: (iso3: string, name: string) => void
  label: string
}

type CountryFeature = Feature<Geometry, { name: string }>

const WIDTH = 960
const HEIGHT = 470

// Computed once: the world's country shapes (Natural Earth 1:110m via world-atlas) and their ISO numeric ids.
let shapes: { features: CountryFeature[]; path: (f: CountryFeature) => string; sphere: string; graticule: string } | null = null

function worldShapes() {
  if (shapes) return shapes
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
  const features = collection.features.filter((f) => f.properties.name !== 'Antarctica')
  const projection = geoEqualEarth().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'FeatureCollection', features })
  const path = geoPath(projection)
  shapes = {
    features,
    path: (f) => path(f) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
  }
  return shapes
}

/** ISO 3166-1 alpha-3 (as the API gives) → the numeric code world-atlas uses as the feature id. */
export function numericCode(iso3: string): string | undefined {
  return isoCountries.alpha3ToNumeric(iso3)
}

/**
 * A world map coloured by a value per country (similarity, or its change), with a legend and hover values.
 * Countries without a value are hatched grey; clicking a country with a value selects it.
 */
export function WorldMap({ values, color, domain, format, legendTitle, selected, onSelect, label }: Props) {
  const [hover, setHover] = useState<{ name: string; text: string; x: number; y: number } | null>(null)
  const world = worldShapes()
  const byNumeric = useMemo(() => {
    const m = new Map<string, MapValue>()
    for (const v of values) {
      const n = numericCode(v.iso3)
      if (n) m.set(n, v)
    }
    return m
  }, [values])
  const stops = Array.from({ length: 11 }, (_, i) => domain[0] + (i / 10) * (domain[1] - domain[0]))
  return (
    <figure class="world-map">
      <div class="world-map-frame">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} onMouseLeave={() => setHover(null)}>
          <defs>
            <pattern id="nodata" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#eef0f3" /><line x1="0" y1="0" x2="0" y2="6" stroke="#d5d9de" stroke-width="2" />
            </pattern>
          </defs>
          <path d={world.sphere} class="sphere" />
          <path d={world.graticule} class="graticule" />
          {world.features.map((f) => {
            const v = f.id != null ? byNumeric.get(String(f.id)) : undefined
            const isSelected = v && selected === v.iso3
            return (
              <path key={String(f.id ?? f.properties.name)} d={world.path(f)} fill={v ? color(v.value) : 'url(#nodata)'}
                class={'country' + (v ? ' has-value' : '') + (isSelected ? ' selected' : '')}
                data-iso3={v?.iso3}
                onMouseMove={(e) => {
                  const box = (e.currentTarget as SVGPathElement).ownerSVGElement!.getBoundingClientRect()
                  setHover({
                    name: v?.name ?? f.properties.name,
                    text: v ? (v.detail ?? format(v.value)) : 'no data',
                    x: e.clientX - box.left, y: e.clientY - box.top,
                  })
                }}
                onClick={() => v && onSelect?.(v.iso3, v.name)}>
                <title>{`${v?.name ?? f.properties.name}: ${v ? (v.detail ?? format(v.value)) : 'no data'}`}</title>
              </path>
            )
          })}
        </svg>
        {hover && <div class="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="status">
          <strong>{hover.name}</strong><br />{hover.text}</div>}
      </div>
      <figcaption class="map-legend">
        <span class="legend-title">{legendTitle}</span>
        <span class="legend-end">{format(domain[0])}</span>
        <span class="legend-ramp" style={{ background: `linear-gradient(to right, ${stops.map((s) => color(s)).join(', ')})` }} />
        <span class="legend-end">{format(domain[1])}</span>
        <span class="legend-nodata"><i /> no data</span>
      </figcaption>
    </figure>
  )
}
