/** Anchoring a highlight and finding it again after the text changed (Hypothesis's way). */
import { describe, expect, it } from 'vitest'
import { reanchor, selectorsFor } from '../../electron/core/notes/anchor'
import { offsetMap } from '../../electron/core/versions/offsets'
import { articleText } from '../../shared/text'

const before = [
  'Im Kieler Hafen stehen seit Montagmorgen die Kräne still.',
  '„Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles“, sagte die Betriebsrätin.',
  'Die Reedereien leiten bereits erste Schiffe nach Lübeck um. Jeder Tag Stillstand kostet viel Geld.',
  'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
  'Sicherheit ist keine Verhandlungsmasse, sagte sie zum Schluss.',
]

/** Highlights `quote` (its `n`th occurrence) in the text of `paragraphs`. */
function highlight(paragraphs: string[], quote: string, n = 1) {
  const text = articleText(paragraphs)
  let at = -1
  for (let i = 0; i < n; i++) at = text.indexOf(quote, at + 1)
  expect(at).toBeGreaterThanOrEqual(0)
  return selectorsFor(text, at, at + quote.length)
}

function after(paragraphs: string[], quote: string, changed: string[]) {
  const sel = highlight(paragraphs, quote)
  const r = reanchor(articleText(changed), sel, offsetMap(paragraphs, changed))
  return { ...r, words: articleText(changed).slice(r.selectors.start, r.selectors.end) }
}

describe('anchoring', () => {
  it('keeps the quote with 32 characters of context on each side', () => {
    const s = highlight(before, 'eine Garantie für ihre Sicherheit')
    expect(s.exact).toBe('eine Garantie für ihre Sicherheit')
    expect(s.prefix).toHaveLength(32)
    expect(s.prefix.endsWith('Sie brauchen nur ')).toBe(true)
    expect(s.suffix).toHaveLength(32)
    expect(s.suffix.startsWith('. Das ist alles“')).toBe(true)
  })

  it('finds the highlight in place when nothing changed', () => {
    const r = after(before, 'Das ist alles', before)
    expect(r.status).toBe('anchored')
    expect(r.words).toBe('Das ist alles')
  })

  it('follows the same words when a paragraph is inserted before them', () => {
    const changed = ['Aktualisiert am 4. Juni: neue Angaben der Gewerkschaft.', ...before]
    const r = after(before, 'Sie brauchen nur eine Garantie', changed)
    expect(r.status).toBe('anchored')
    expect(r.words).toBe('Sie brauchen nur eine Garantie')
    expect(r.selectors.start).toBeGreaterThan(highlight(before, 'Sie brauchen').start)
  })

  it('follows a quote whose word was changed, onto the new words', () => {
    const changed = before.map((p) => p.replace('eine Garantie', 'eine Zusage'))
    const r = after(before, 'Sie brauchen nur eine Garantie für ihre Sicherheit', changed)
    expect(r.status).toBe('moved')
    expect(r.words).toBe('Sie brauchen nur eine Zusage für ihre Sicherheit')
  })

  it('follows a sentence that moved to another paragraph', () => {
    const changed = [
      before[0] + ' Die Reedereien leiten bereits erste Schiffe nach Lübeck um.',
      before[1]!,
      'Jeder Tag Stillstand kostet viel Geld.',
      ...before.slice(3),
    ]
    const r = after(before, 'Die Reedereien leiten bereits erste Schiffe nach Lübeck um.', changed)
    expect(r.status).toBe('moved')
    expect(r.words).toBe('Die Reedereien leiten bereits erste Schiffe nach Lübeck um.')
  })

  it('makes an orphan of a deleted passage and keeps its old selectors', () => {
    const changed = before.filter((p) => !p.includes('Skandinavien'))
    const sel = highlight(before, 'Das hätte Folgen für Tausende Reisende nach Skandinavien.')
    const r = reanchor(articleText(changed), sel, offsetMap(before, changed))
    expect(r.status).toBe('orphan')
    expect(r.selectors).toEqual(sel)
  })

  it('does not take a deleted short word for the same word elsewhere in other words', () => {
    const old = ['Die Stadt zahlt mehr Lohn an alle Beschäftigten im Hafen.', 'Später mehr dazu.']
    const changed = ['Später mehr dazu.', 'Über den Lohn reden die Tarifparteien erst im Herbst.']
    const r = reanchor(articleText(changed), highlight(old, 'Lohn'), offsetMap(old, changed))
    expect(r.status).toBe('orphan')
  })

  it('tells a repeated word by its context and position', () => {
    const changed = ['Neu: eine Vorbemerkung der Redaktion.', ...before]
    // the second "Sicherheit" (the last paragraph), not the first
    const sel = highlight(before, 'Sicherheit', 2)
    const r = reanchor(articleText(changed), sel, offsetMap(before, changed))
    expect(r.status).toBe('anchored')
    const text = articleText(changed)
    expect(text.slice(r.selectors.start, r.selectors.start + 40)).toBe(
      'Sicherheit ist keine Verhandlungsmasse, ',
    )
  })

  it('finds a repeated word by context even without a position map', () => {
    const changed = [before[4]!, ...before.slice(0, 4)]
    const sel = highlight(before, 'Sicherheit', 2)
    const r = reanchor(articleText(changed), sel)
    expect(r.status).toBe('moved')
    expect(r.selectors.start).toBe(0)
  })
})
