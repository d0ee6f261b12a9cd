import { useEffect, useRef, useState } from 'preact/hooks'
import { get, patch } from '../../lib/api'
import type { Conversation, Status, StatementView } from '../../lib/types'
import { ErrorNote, usePoll } from '../../components/common'
import { VoteBar } from '../../components/VoteBar'

type Filter = Status | 'all'
const FILTERS: [Filter, string][] = [['pending', 'To moderate'], ['accepted', 'Accepted'], ['rejected', 'Removed'], ['all', 'All']]

/**
 * The moderation queue: one key per action on the focused statement (A accept, R reject/remove, M meta,
 * X select, J/K or arrows to move), filters, and bulk actions on the selected statements.
 */
export function Moderation({ base, conv, onChange }: { base: string; conv: Conversation; onChange: () => void }) {
  const [filter, setFilter] = useState<Filter>(conv.moderation === 'pre' || (conv.counts?.pending ?? 0) > 0 ? 'pending' : 'all')
  const { data, error, reload } = usePoll(() => get<StatementView[]>(`${base}/statements/all${filter === 'all' ? '' : '?status=' + filter}`), 5000, [filter])
  const [focus, setFocus] = useState(0)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [actionError, setActionError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const listRef = useRef<HTMLUListElement>(null)
  const rows = data ?? []

  useEffect(() => { setSelected(new Set()); setFocus(0) }, [filter])

  const change = async (ids: number[], body: { status?: Status; meta?: boolean }, what: string) => {
    setActionError(null)
    try {
      for (const id of ids) await patch<StatementView>(`${base}/statements/${id}`, body)
      setStatus(`${ids.length === 1 ? 'Statement' : ids.length + ' statements'} ${what}.`)
      setSelected(new Set())
      reload()
      onChange()
    } catch (e) {
      setActionError(e)
      reload()
    }
  }

  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(rows.length - 1, i))
    setFocus(n)
    const el = listRef.current?.querySelectorAll<HTMLElement>('li.mod-row')[n]
    el?.focus()
  }

  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return
    if (e.metaKey || e.ctrlKey || e.altKey) return
    const row = rows[focus]
    switch (e.key) {
      case 'ArrowDown': case 'j': e.preventDefault(); focusRow(focus + 1); break
      case 'ArrowUp': case 'k': e.preventDefault(); focusRow(focus - 1); break
      case 'a': if (row) { e.preventDefault(); change([row.id], { status: 'accepted' }, 'accepted') } break
      case 'r': if (row) { e.preventDefault(); change([row.id], { status: 'rejected' }, 'removed') } break
      case 'm': if (row) { e.preventDefault(); change([row.id], { meta: !row.meta }, row.meta ? 'no longer meta' : 'marked meta') } break
      case 'x': if (row) { e.preventDefault(); toggle(row.id) } break
    }
  }

  const toggle = (id: number) => {
    const s = new Set(selected)
    if (s.has(id)) s.delete(id)
    else s.add(id)
    setSelected(s)
  }
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id))

  return (
    <section class="moderation">
      <div class="toolbar">
        <div class="segmented" role="tablist" aria-label="Show">
          {FILTERS.map(([f, label]) => (
            <button key={f} type="button" role="tab" aria-selected={filter === f} class={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
              {label}{f === 'pending' && (conv.counts?.pending ?? 0) > 0 ? ` (${conv.counts!.pending})` : ''}
            </button>
          ))}
        </div>
        <div class="bulk" aria-label="Bulk actions">
          <label class="check"><input type="checkbox" checked={allSelected} disabled={rows.length === 0}
            onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} /> Select all</label>
          <button type="button" class="secondary small" disabled={selected.size === 0} onClick={() => change([...selected], { status: 'accepted' }, 'accepted')}>
            Accept {selected.size || ''}</button>
          <button type="button" class="danger small" disabled={selected.size === 0} onClick={() => change([...selected], { status: 'rejected' }, 'removed')}>
            Remove {selected.size || ''}</button>
        </div>
      </div>
      <p class="keys-hint">Keys on the focused statement: <kbd>A</kbd> accept · <kbd>R</kbd> remove · <kbd>M</kbd> meta · <kbd>X</kbd> select · <kbd>J</kbd>/<kbd>K</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move</p>
      <ErrorNote error={error} onRetry={reload} />
      <ErrorNote error={actionError} />
      <p class="visually-hidden" role="status">{status}</p>
      {data && rows.length === 0 && <p class="panel empty">{filter === 'pending' ? 'Nothing waits for moderation. 🎉' : 'No statements here.'}</p>}
      <ul class="mod-list" ref={listRef} onKeyDown={onKey} aria-label="Statements">
        {rows.map((s, i) => (
          <li key={s.id} class={'mod-row' + (i === focus ? ' focused' : '') + (selected.has(s.id) ? ' selected' : '')} tabIndex={i === focus ? 0 : -1}
            data-statement-id={s.id} onFocus={() => setFocus(i)} aria-label={`Statement: ${s.text}. Status ${s.status}.`}>
            <input type="checkbox" aria-label="Select" checked={selected.has(s.id)} onChange={() => toggle(s.id)} tabIndex={-1} />
            <div class="mod-text">
              <p>{s.text}</p>
              <p class="muted small">
                <span class={'badge ' + s.status}>{s.status === 'rejected' ? 'removed' : s.status}</span>
                {s.meta && <span class="badge meta">meta</span>}
                {s.seed ? ' seed' : ' from a participant'} · #{s.id}
              </p>
              <VoteBar tally={{ agree: s.agrees ?? 0, disagree: s.disagrees ?? 0, pass: s.passes ?? 0 }} />
            </div>
            <div class="mod-actions">
              {s.status !== 'accepted' && <button type="button" class="secondary small" onClick={() => change([s.id], { status: 'accepted' }, 'accepted')}
                aria-label={`Accept: ${s.text}`}>Accept</button>}
              {s.status !== 'rejected' && <button type="button" class="danger small" onClick={() => change([s.id], { status: 'rejected' }, 'removed')}
                aria-label={`Remove: ${s.text}`}>Remove</button>}
              <button type="button" class="link-button small" onClick={() => change([s.id], { meta: !s.meta }, s.meta ? 'no longer meta' : 'marked meta')}>
                {s.meta ? 'Not meta' : 'Meta'}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
