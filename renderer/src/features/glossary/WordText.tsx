import type { ReactNode } from 'react'
import type { TermMatch, TextRange } from '../../../../shared/types'
import { WORD_SOURCE } from '../../../../shared/words'

/**
 * A mark another feature lays over the text (a highlight, a changed sentence): offsets into
 * this text; the words it covers get `className`, and so does the space between them.
 * `data` becomes data-* attributes of those words (e.g. { hl: '12' } -> data-hl="12").
 */
export interface Decoration extends TextRange {
  className: string
  data?: Record<string, string>
  title?: string
}

const WORD = new RegExp(WORD_SOURCE, 'gu')

/**
 * A text whose every word can be looked up: each word is a span (the reader's popover listens
 * on the container and makes a word focusable only while the keyboard is on it: a focusable
 * span would stop a mouse drag that starts on it from selecting text), glossary terms are marked subtly, search matches are
 * <mark>ed with their page-wide number. `transform` (hyphenation) applies to each word alone.
 * `decorations` (sorted by start, offsets into `text`) mark ranges for other features:
 * highlights, changes. `wordClass` adds classes of a feature's own to a word's span (study:
 * the word's status). `offset` is where `text` starts in its block (a sentence inside a
 * paragraph): `data-start` and `wordClass` count from the block's start.
 */
export function WordText({
  text,
  marks = [],
  terms = [],
  transform = (s) => s,
  firstMark = 0,
  current = -1,
  decorations = [],
  wordClass,
  offset = 0,
}: {
  text: string
  marks?: TextRange[]
  terms?: TermMatch[]
  transform?: (s: string) => string
  firstMark?: number
  current?: number
  decorations?: Decoration[]
  /** Extra classes for the word at `start` (its offset in the block, as `data-start`), or undefined. */
  wordClass?: (word: string, start: number) => string | undefined
  /** Where `text` starts in its block (a sentence inside a paragraph). */
  offset?: number
}) {
  const out: ReactNode[] = []
  let at = 0
  let markIndex = 0
  let termIndex = 0
  const decorated = sweep(text, decorations)
  for (const m of text.matchAll(WORD)) {
    const start = m.index
    const end = start + m[0].length
    if (start > at) out.push(decorated.gap(at, start))
    const deco = decorated.word(start, end)
    while (markIndex < marks.length && marks[markIndex]!.end <= start) markIndex++
    while (termIndex < terms.length && terms[termIndex]!.end <= start) termIndex++
    const mark = marks[markIndex] && marks[markIndex]!.start < end ? markIndex : -1
    const term = terms[termIndex] && terms[termIndex]!.start < end ? terms[termIndex]! : null
    const word = transform(m[0])
    const extra = wordClass?.(m[0], start + offset)
    out.push(
      <span
        key={start + offset}
        className={
          (term ? 'w term' : 'w') + (deco ? ` ${deco.className}` : '') + (extra ? ` ${extra}` : '')
        }
        data-word={m[0]}
        data-start={start + offset}
        data-term={term?.lemma}
        data-term-start={term?.start}
        title={deco?.title}
        {...deco?.data}
      >
        {mark >= 0 ? (
          <mark
            className={firstMark + mark === current ? 'current' : undefined}
            data-mark={firstMark + mark}
          >
            {word}
          </mark>
        ) : (
          word
        )}
      </span>,
    )
    at = end
  }
  if (at < text.length) out.push(decorated.gap(at, text.length))
  return <>{out}</>
}

interface Decor {
  className: string
  title?: string
  data: Record<string, string>
}

/**
 * Walks the decorations along the text (called with increasing offsets). For a word: the
 * classes and data of every decoration it overlaps (null when none). For the text between
 * words: that text, wrapped in a span when decorations cover all of it (so a highlight reads
 * as one stretch, spaces included).
 */
function sweep(text: string, decorations: Decoration[]) {
  let next = 0
  let active: Decoration[] = []
  const over = (start: number, end: number, whole: boolean): Decor | null => {
    while (next < decorations.length && decorations[next]!.start < end)
      active.push(decorations[next++]!)
    if (active.length) active = active.filter((d) => d.end > start)
    let found: Decor | null = null
    for (const d of active) {
      if (whole && !(d.start <= start && d.end >= end)) continue
      found ??= { className: '', data: {} }
      found.className += (found.className ? ' ' : '') + d.className
      if (d.title) found.title = found.title ? `${found.title}\n${d.title}` : d.title
      for (const [k, v] of Object.entries(d.data ?? {})) found.data[`data-${k}`] = v
    }
    return found
  }
  return {
    word: (start: number, end: number) => over(start, end, false),
    gap: (start: number, end: number): ReactNode => {
      const found = over(start, end, true)
      const piece = text.slice(start, end)
      return found ? (
        <span key={`g${start}`} className={found.className}>
          {piece}
        </span>
      ) : (
        piece
      )
    },
  }
}
