import { useEffect, useState } from 'preact/hooks'
import { getOptional } from '../lib/participant'
import { GROUP_LETTERS, percent } from '../lib/format'

/**
 * A principle of a constitution, as in the constitution JSON contract (org.charter.constitution.Constitution):
 * groupAgreement maps each opinion group to the agree share of its votes on the principle's statements.
 */
export interface Principle { text: string; groupAgreement?: Record<string, number> | null; votes?: number }
export interface PublishedDoc {
  title?: string | null
  principles?: Principle[]
  version?: { number?: number; publishedAt?: string | number | null } | null
}

/** The lowest agree share over the groups: "agreed by at least N% of every group". */
export function everyGroup(p: Principle): number | null {
  const shares = Object.values(p.groupAgreement ?? {})
  return shares.length === 0 ? null : Math.min(...shares)
}

/** The constitution the organizer published for this conversation, if any: principles with their support. */
export function PublishedConstitution({ conversation }: { conversation: string }) {
  const [doc, setDoc] = useState<PublishedDoc | null>(null)
  useEffect(() => {
    getOptional<PublishedDoc>(`/api/conversations/${encodeURIComponent(conversation)}/constitution/published`)
      .then(setDoc).catch(() => setDoc(null))
  }, [conversation])
  if (!doc || !doc.principles || doc.principles.length === 0) return null
  return (
    <section class="panel constitution" aria-labelledby="constitution-title">
      <h2 id="constitution-title">{doc.title || 'The constitution'}</h2>
      <p class="muted">The principles that won agreement across every opinion group{doc.version?.number ? ` (version ${doc.version.number})` : ''}.</p>
      <ol class="principles">
        {doc.principles.map((p, i) => {
          const least = everyGroup(p)
          const groups = Object.entries(p.groupAgreement ?? {}).sort(([a], [b]) => Number(a) - Number(b))
          return (
            <li key={i}>
              <p>{p.text}</p>
              {least != null && <p class="support">Agreed by at least {percent(least)} of every group
                <span class="muted"> ({groups.map(([g, share]) => `${GROUP_LETTERS[Number(g)] ?? g} ${percent(share)}`).join(' · ')})</span></p>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
