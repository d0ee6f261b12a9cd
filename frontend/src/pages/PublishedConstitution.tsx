import { useEffect, useState } from 'preact/hooks'
import { getOptional } from '../lib/participant'
import { percent } from '../lib/format'

/** A principle of a published constitution; field names follow the constitution API, read tolerantly. */
interface Principle { text: string; originalText?: string | null; minGroupAgreement?: number | null; agreement?: number | null }
interface Published { version?: number; title?: string | null; publishedAt?: string | null; principles?: Principle[] }

/** The constitution the organizer published for this conversation, if any: principles with their support. */
export function PublishedConstitution({ conversation }: { conversation: string }) {
  const [doc, setDoc] = useState<Published | null>(null)
  useEffect(() => {
    getOptional<Published>(`/api/conversations/${encodeURIComponent(conversation)}/constitution/published`)
      .then(setDoc).catch(() => setDoc(null))
  }, [conversation])
  if (!doc || !doc.principles || doc.principles.length === 0) return null
  return (
    <section class="panel constitution" aria-labelledby="constitution-title">
      <h2 id="constitution-title">{doc.title || 'The constitution'}</h2>
      <p class="muted">The principles that won agreement across every opinion group{doc.version ? ` (version ${doc.version})` : ''}.</p>
      <ol class="principles">
        {doc.principles.map((p, i) => (
          <li key={i}>
            <p>{p.text}</p>
            {p.minGroupAgreement != null && <p class="support">Agreed by at least {percent(p.minGroupAgreement)} of every group</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
