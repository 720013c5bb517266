/**
 * Clean text for the clipboard. The reader inserts soft hyphens (U+00AD) into every long word
 * for German hyphenation; copied as they are, they break words in the journalist's draft
 * ("Sicher­heits­garantie" does not match a search there). Zero-width spaces and joiners and
 * byte-order marks are invisible too and go the same way.
 */

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

/** The text without soft hyphens and other invisible marks. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '')
}

/** True when a text still carries an invisible mark (for tests and checks). */
export function hasInvisibles(text: string): boolean {
  return /[\u00ad\u200b-\u200d\u2060\ufeff]/.test(text)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/**
 * Copied text as HTML for word processors: one <p> per paragraph (blank lines separate
 * paragraphs, single line breaks become <br>), everything escaped. Only this plain structure
 * goes out: no styles, classes or data attributes of the reader.
 */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}
