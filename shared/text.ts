/**
 * The article's text as one string: the ONE definition every offset in Lesesaal refers to
 * (highlights' TextPositionSelector, `lesesaal highlight` start/end, the reader's word spans,
 * sentences of the parallel view). Paragraphs (subheadings included) joined by a blank line.
 *
 * Never build this string any other way: an offset computed over another joining would
 * silently point at other words.
 */
import type { TextRange } from './types'

/** What stands between two paragraphs in the article text. */
export const PARAGRAPH_SEPARATOR = '\n\n'

/** The article text: the paragraphs joined by `PARAGRAPH_SEPARATOR`. */
export function articleText(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR)
}

/** Where each paragraph starts in the article text. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = []
  let at = 0
  for (const p of paragraphs) {
    starts.push(at)
    at += p.length + PARAGRAPH_SEPARATOR.length
  }
  return starts
}

/** The offset in the article text of `offset` inside paragraph `index`. */
export function articleOffset(starts: readonly number[], index: number, offset: number): number {
  return (starts[index] ?? 0) + offset
}

/**
 * Splits ranges over the article text into ranges per paragraph (paragraph-local offsets),
 * e.g. for marking highlights in a reader that renders paragraph by paragraph. A range
 * spanning paragraphs gives a piece in each. `T` carries whatever the caller attached.
 */
export function rangesByParagraph<T extends TextRange>(
  ranges: readonly T[],
  paragraphs: readonly string[],
): (T & { piece: TextRange })[][] {
  const starts = paragraphStarts(paragraphs)
  const out: (T & { piece: TextRange })[][] = paragraphs.map(() => [])
  for (const r of ranges) {
    for (let i = paragraphIndexAt(starts, r.start); i < paragraphs.length; i++) {
      const s = starts[i]!
      if (s >= r.end) break
      const start = Math.max(0, r.start - s)
      const end = Math.min(paragraphs[i]!.length, r.end - s)
      if (end > start) out[i]!.push({ ...r, piece: { start, end } })
    }
  }
  for (const list of out) list.sort((a, b) => a.piece.start - b.piece.start)
  return out
}

/** The index of the paragraph that holds (or follows) `offset`. */
export function paragraphIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}
