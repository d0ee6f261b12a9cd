import { useMemo, useState } from 'preact/hooks'
import { ApiError, post } from '../../lib/api'
import { markdownToHtml } from '../../lib/markdown'
import { navigate } from '../../lib/router'
import type { Conversation, MetadataQuestion } from '../../lib/types'
import { ErrorNote, Link } from '../../components/common'
import { statementLength } from '../../lib/format'

interface QuestionDraft { key: string; label: string; options: string }

/** "seedStatements[3]" → "Seed statement on line 4"; other fields by their label. */
export function fieldName(where: string | null): string | null {
  if (!where) return null
  const seed = /^seedStatements\[(\d+)\]$/.exec(where)
  if (seed) return `Seed statement on line ${Number(seed[1]) + 1}`
  const q = /^metadataQuestions\[(\d+)\]\.?(\w*)$/.exec(where)
  if (q) return `Question ${Number(q[1]) + 1}`
  const names: Record<string, string> = { topic: 'Topic', slug: 'Link name', description: 'Description', statementMaxLength: 'Length limit', closesAt: 'Closing time' }
  return names[where] ?? null
}

/** Seed statements pasted one per line: blank lines dropped, surrounding spaces and list bullets removed. */
export function seedLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter((l) => l.length > 0)
}

/** Create a conversation: topic, description with a live Markdown preview, seeds, moderation and limits. */
export function CreateConversation() {
  const [topic, setTopic] = useState('')
  const [slug, setSlug] = useState('')
  const [description, setDescription] = useState('')
  const [seeds, setSeeds] = useState('')
  const [moderation, setModeration] = useState<'post' | 'pre'>('post')
  const [maxLength, setMaxLength] = useState(140)
  const [canWrite, setCanWrite] = useState(true)
  const [closesAt, setClosesAt] = useState('')
  const [questions, setQuestions] = useState<QuestionDraft[]>([])
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const preview = useMemo(() => markdownToHtml(description), [description])
  const lines = seedLines(seeds)
  const tooLong = lines.map((l, i) => [i, statementLength(l)] as const).filter(([, n]) => n > maxLength)

  const submit = async (e: Event) => {
    e.preventDefault()
    if (!topic.trim()) { setError(new ApiError(400, 'Give the conversation a topic.')); return }
    if (tooLong.length > 0) {
      setError(new ApiError(400, `Seed statement on line ${tooLong[0][0] + 1} has ${tooLong[0][1]} characters; the limit is ${maxLength}.`))
      return
    }
    const metadataQuestions: MetadataQuestion[] = questions.filter((q) => q.label.trim()).map((q, i) => ({
      key: q.key.trim() || `q${i + 1}`,
      label: q.label.trim(),
      ...(q.options.trim() ? { options: q.options.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
    }))
    setBusy(true)
    setError(null)
    try {
      const created = await post<Conversation>('/api/conversations', {
        topic: topic.trim(),
        ...(slug.trim() ? { slug: slug.trim() } : {}),
        description,
        seedStatements: lines,
        moderation,
        statementMaxLength: maxLength,
        participantsCanWrite: canWrite,
        ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}),
        metadataQuestions,
      })
      navigate(`/organize/c/${encodeURIComponent(created.slug)}?created=1`)
    } catch (err) {
      if (err instanceof ApiError && fieldName(err.where)) setError(new ApiError(err.status, `${fieldName(err.where)}: ${err.message}`, err.where))
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main class="page">
      <p class="crumbs"><Link href="/organize">Your conversations</Link> ›</p>
      <h1>New conversation</h1>
      <form class="create-form" onSubmit={submit}>
        <div class="create-grid">
          <div class="stack">
            <label class="field">Topic<span class="hint">the question people respond to</span>
              <input name="topic" required maxLength={300} value={topic} placeholder="What should our town do with the old rail yard?"
                onInput={(e) => setTopic((e.currentTarget as HTMLInputElement).value)} /></label>
            <label class="field">Link name <span class="hint">optional; lower-case letters, digits and dashes (made from the topic if empty)</span>
              <input name="slug" value={slug} pattern="[a-z0-9][a-z0-9._\-]{0,99}" placeholder="rail-yard"
                onInput={(e) => setSlug((e.currentTarget as HTMLInputElement).value.toLowerCase())} /></label>
            <label class="field">Description<span class="hint">Markdown: **bold**, _italic_, [links](https://…), lists</span>
              <textarea name="description" rows={6} value={description}
                onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)} /></label>
            <label class="field">Seed statements<span class="hint">one per line · {lines.length} {lines.length === 1 ? 'statement' : 'statements'}</span>
              <textarea name="seeds" rows={8} value={seeds} placeholder={'The rail yard should become a park.\nHousing matters more than green space.'}
                onInput={(e) => setSeeds((e.currentTarget as HTMLTextAreaElement).value)} /></label>
            {tooLong.length > 0 && <p class="error">Line {tooLong.map(([i]) => i + 1).join(', ')} {tooLong.length === 1 ? 'is' : 'are'} longer than {maxLength} characters.</p>}
          </div>
          <div class="stack">
            <div class="panel preview">
              <h2 class="small-head">Preview</h2>
              <h3 class="preview-topic">{topic || 'Your topic'}</h3>
              {description.trim() ? <div class="prose" dangerouslySetInnerHTML={{ __html: preview }} /> : <p class="muted">The description appears here as participants will see it.</p>}
            </div>
            <fieldset class="field">
              <legend>Moderation</legend>
              <label class="radio"><input type="radio" name="moderation" checked={moderation === 'post'} onChange={() => setModeration('post')} />
                Show participants’ statements at once; I remove what breaks the rules</label>
              <label class="radio"><input type="radio" name="moderation" checked={moderation === 'pre'} onChange={() => setModeration('pre')} />
                Hold participants’ statements until I accept them</label>
            </fieldset>
            <label class="check"><input type="checkbox" checked={canWrite} onChange={(e) => setCanWrite((e.currentTarget as HTMLInputElement).checked)} />
              Participants may add statements</label>
            <div class="two">
              <label class="field">Length limit<span class="hint">characters</span>
                <input type="number" name="maxLength" min={10} max={2000} value={maxLength}
                  onInput={(e) => setMaxLength(Number((e.currentTarget as HTMLInputElement).value) || 140)} /></label>
              <label class="field">Closes<span class="hint">optional</span>
                <input type="datetime-local" name="closesAt" value={closesAt} onInput={(e) => setClosesAt((e.currentTarget as HTMLInputElement).value)} /></label>
            </div>
            <fieldset class="field">
              <legend>Questions about participants <span class="hint">optional, e.g. country or age band</span></legend>
              {questions.map((q, i) => (
                <div class="question-row" key={i}>
                  <input aria-label={`Question ${i + 1}`} placeholder="Which country do you live in?" value={q.label}
                    onInput={(e) => setQuestions(questions.map((x, j) => j === i ? { ...x, label: (e.currentTarget as HTMLInputElement).value } : x))} />
                  <input aria-label={`Key of question ${i + 1}`} placeholder="key: country" value={q.key}
                    onInput={(e) => setQuestions(questions.map((x, j) => j === i ? { ...x, key: (e.currentTarget as HTMLInputElement).value.toLowerCase() } : x))} />
                  <input aria-label={`Options of question ${i + 1}`} placeholder="options, comma-separated (empty: free text)" value={q.options}
                    onInput={(e) => setQuestions(questions.map((x, j) => j === i ? { ...x, options: (e.currentTarget as HTMLInputElement).value } : x))} />
                  <button type="button" class="link-button" onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>Remove</button>
                </div>
              ))}
              <button type="button" class="secondary small" onClick={() => setQuestions([...questions, { key: '', label: '', options: '' }])}>Add a question</button>
            </fieldset>
          </div>
        </div>
        <ErrorNote error={error} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create conversation'}</button>
          <Link href="/organize" class="button secondary">Cancel</Link>
        </div>
      </form>
    </main>
  )
}
