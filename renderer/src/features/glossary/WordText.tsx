import type { ReactNode } from 'react'
import type { TermMatch, TextRange } from '../../../../shared/types'

const WORD = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu

/**
 * A text whose every word can be looked up: each word is a focusable span (the reader's
 * popover listens on the container), glossary terms are marked subtly, search matches are
 * <mark>ed with their page-wide number. `transform` (hyphenation) applies to each word alone.
 * `wordClass` adds classes of a feature's own to a word's span (study: the word's status).
 */
export function WordText({
  text,
  marks = [],
  terms = [],
  transform = (s) => s,
  firstMark = 0,
  current = -1,
  wordClass,
  offset = 0,
}: {
  text: string
  marks?: TextRange[]
  terms?: TermMatch[]
  transform?: (s: string) => string
  firstMark?: number
  current?: number
  /** Extra classes for the word at `start` (its offset in the block, as `data-start`), or undefined. */
  wordClass?: (word: string, start: number) => string | undefined
  /** Where `text` starts in its block (a sentence inside a paragraph): word offsets count from there. */
  offset?: number
}) {
  const out: ReactNode[] = []
  let at = 0
  let markIndex = 0
  let termIndex = 0
  for (const m of text.matchAll(WORD)) {
    const start = m.index
    const end = start + m[0].length
    if (start > at) out.push(text.slice(at, start))
    while (markIndex < marks.length && marks[markIndex]!.end <= start) markIndex++
    while (termIndex < terms.length && terms[termIndex]!.end <= start) termIndex++
    const mark = marks[markIndex] && marks[markIndex]!.start < end ? markIndex : -1
    const term = terms[termIndex] && terms[termIndex]!.start < end ? terms[termIndex]! : null
    const word = transform(m[0])
    const extra = wordClass?.(m[0], start + offset)
    out.push(
      <span
        key={start + offset}
        className={(term ? 'w term' : 'w') + (extra ? ` ${extra}` : '')}
        data-word={m[0]}
        data-start={start + offset}
        data-term={term?.lemma}
        data-term-start={term?.start}
        tabIndex={-1}
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
  if (at < text.length) out.push(text.slice(at))
  return <>{out}</>
}
