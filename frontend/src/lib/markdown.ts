import { marked } from 'marked'
import DOMPurify from 'dompurify'

/**
 * Markdown (an organizer's description) to HTML that is safe to insert: marked renders it, DOMPurify removes
 * scripts, event handlers and javascript: links. Links open in a new tab without handing over the page.
 */
export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown ?? '', { async: false, gfm: true, breaks: true }) as string
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'img'] })
  return clean.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer nofollow" ')
}

/** The first words of a Markdown text as plain text (for a short preview). */
export function markdownToText(markdown: string): string {
  const div = document.createElement('div')
  div.innerHTML = markdownToHtml(markdown)
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim()
}
