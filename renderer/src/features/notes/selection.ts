/**
 * From a selection in the page to offsets in the article text (`shared/text.ts`). The quote
 * is taken from the text, never from the page (which carries soft hyphens): the words the
 * selection touches are found by their spans (`data-start` within the paragraph marked
 * `data-para`), and the range runs from the first word's start to the last word's end.
 */
import { articleText, paragraphStarts } from '../../../../shared/text'
import type { TextRange } from '../../../../shared/types'

/** The whole words a selection inside `container` covers, as offsets into the article text. */
export function selectionRange(
  container: HTMLElement,
  paragraphs: readonly string[],
  selection: Selection | null = window.getSelection(),
): TextRange | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  if (!container.contains(range.commonAncestorContainer)) return null
  const blocks = [...container.querySelectorAll<HTMLElement>('[data-para]')].filter((b) =>
    range.intersectsNode(b),
  )
  const starts = paragraphStarts(paragraphs)
  let first: PickedWord | null = null
  let last: PickedWord | null = null
  for (const block of blocks) {
    const para = Number(block.dataset.para)
    if (!Number.isInteger(para) || para >= paragraphs.length) continue
    for (const span of block.querySelectorAll<HTMLElement>('.w[data-start]')) {
      if (!range.intersectsNode(span)) continue
      // a word touched only at its very edge (the selection ends just before it) is not in
      if (touchesOnlyEdge(range, span)) continue
      const start = starts[para]! + Number(span.dataset.start)
      const word: PickedWord = { start, end: start + (span.dataset.word ?? '').length, span }
      first ??= word
      last = word
    }
  }
  if (!first || !last || last.end <= first.start) return null
  // punctuation the selection runs over (the sentence's period, quotation marks) belongs to it
  let { start } = first
  let { end } = last
  const text = articleText(paragraphs)
  if (beyond(range, last.span, 'end')) {
    const after = /^[.,;:!?…“”"»«’)\]]+/.exec(text.slice(end))
    if (after) end += after[0].length
  }
  if (beyond(range, first.span, 'start')) {
    const before = /[„“"«»‚‘([]+$/.exec(text.slice(Math.max(0, start - 4), start))
    if (before) start -= before[0].length
  }
  return { start, end }
}

interface PickedWord {
  start: number
  end: number
  span: HTMLElement
}

/** Whether the selection reaches past a word's end (or starts before its start). */
function beyond(range: Range, span: HTMLElement, side: 'start' | 'end'): boolean {
  const word = document.createRange()
  word.selectNodeContents(span)
  return side === 'end'
    ? range.compareBoundaryPoints(Range.END_TO_END, word) > 0
    : range.compareBoundaryPoints(Range.START_TO_START, word) < 0
}

function touchesOnlyEdge(range: Range, span: HTMLElement): boolean {
  const inside = document.createRange()
  inside.selectNodeContents(span)
  // the selection ends at the word's start, or starts at its end
  return (
    range.compareBoundaryPoints(Range.END_TO_START, inside) >= 0 ||
    range.compareBoundaryPoints(Range.START_TO_END, inside) <= 0
  )
}
