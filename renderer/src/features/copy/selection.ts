/**
 * The text of a selection in the reader (or any view of word spans), rebuilt from the source
 * text instead of the page: each word span carries its word as written (`data-word`), so a
 * word selected whole is copied from there, and what lies between or is cut at the selection's
 * edges is taken from the page without invisible marks. Block elements (paragraphs, headings,
 * list items, quotes) are separated by a blank line, table rows by a line break, cells by a tab.
 */
import { withoutInvisibles } from './cleanText'

const BLOCKS =
  'p, h1, h2, h3, h4, li, blockquote, dd, dt, figcaption, tr, div, section, header, footer'

/** The selected text of `range`, clean: words as stored, paragraphs apart. */
export function rangeText(range: Range): string {
  const root =
    range.commonAncestorContainer instanceof Element
      ? range.commonAncestorContainer
      : range.commonAncestorContainer.parentElement
  if (!root) return ''
  const blocks: { text: string; row: boolean }[] = []
  let current = ''
  let currentBlock: Element | null = null
  let currentCell: Element | null = null
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue
    const text = node as Text
    // text that is not on the page (collapsed sections, hidden helpers) was not selected
    const parent = text.parentElement
    if (!parent || parent.getClientRects().length === 0) continue
    const block = parent.closest(BLOCKS)
    const cell = parent.closest('td, th')
    if (block !== currentBlock) {
      if (current.trim()) blocks.push({ text: current.trim(), row: currentBlock?.tagName === 'TR' })
      current = ''
      currentBlock = block
    } else if (cell !== currentCell && current) {
      current += '\t' // the next cell of a table row
    }
    currentCell = cell
    const start = node === range.startContainer ? range.startOffset : 0
    const end = node === range.endContainer ? range.endOffset : text.data.length
    const whole = start === 0 && end === text.data.length
    // a whole word span: its word exactly as the article has it
    const word = whole ? parent.closest<HTMLElement>('[data-word]') : null
    current +=
      word && word.textContent === text.data
        ? word.dataset.word!
        : withoutInvisibles(text.data.slice(start, end))
  }
  if (current.trim()) blocks.push({ text: current.trim(), row: currentBlock?.tagName === 'TR' })
  // table rows one per line (as spreadsheets read them), other blocks a blank line apart
  return blocks
    .map((b, i) => {
      const text = b.text.replace(/ {2,}/g, ' ').replace(/ *\t */g, '\t')
      return i === 0 ? text : `${b.row && blocks[i - 1]!.row ? '\n' : '\n\n'}${text}`
    })
    .join('')
}

/** The clean text of the current selection, or '' when nothing is selected. */
export function selectionText(selection: Selection | null = window.getSelection()): string {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return ''
  const parts: string[] = []
  for (let i = 0; i < selection.rangeCount; i++) parts.push(rangeText(selection.getRangeAt(i)))
  return parts.filter(Boolean).join('\n\n')
}
