import type { Line } from '../lines'
import { BLOCK_TAGS, type Block } from './blocks'
import type { HNode } from './tree'

/**
 * Blocks to the lines the cleanup rules work on; a `<br>` inside a block starts a new line. A
 * row of a data table (short cells without blocks of their own: dates, times, places) is one
 * line, its cells joined by " – ", so a date stays with its time and place; a layout table's
 * cells (an old page's article in a `<td>`) stay lines of their own.
 */
export function blocksToLines(blocks: Block[]): Line[] {
  const lines: Line[] = []
  const links = (b: Block) => (b.text.length ? b.linkChars / b.text.length : 0)
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!
    const row = dataRow(b)
    if (row) {
      const cells = [b]
      while (i + 1 < blocks.length && dataRow(blocks[i + 1]!) === row) cells.push(blocks[++i]!)
      if (cells.length > 1) {
        lines.push({
          text: cells.map((c) => c.text).join(' – '),
          blankBefore: true,
          heading: false,
          links: Math.max(...cells.map(links)),
          tableRow: true,
        })
        continue
      }
    }
    b.lines.forEach((text, k) =>
      lines.push({
        text,
        blankBefore: k === 0,
        heading: b.heading > 0,
        links: links(b),
        // an item of a list is never a subheading ("modularer Aufbau, …" under "Kriterien:")
        ...(b.inList && b.heading === 0 ? { listItem: true } : {}),
      }),
    )
  }
  return lines
}

const dataRows = new WeakMap<HNode, boolean>()

/** The `<tr>` of a cell block, when the row is a data table's: else null. */
function dataRow(b: Block): HNode | null {
  if (b.owner.tag !== 'td' && b.owner.tag !== 'th') return null
  const tr = b.owner.parent
  if (!tr || tr.tag !== 'tr') return null
  let isData = dataRows.get(tr)
  if (isData === undefined) {
    const cells = tr.children.filter((c): c is HNode => typeof c !== 'string')
    isData =
      cells.length >= 2 &&
      cells.every((c) => (c.tag === 'td' || c.tag === 'th') && shortInline(c, 120))
    dataRows.set(tr, isData)
  }
  return isData ? tr : null
}

/** A cell of inline content only, of at most `max` characters. */
function shortInline(node: HNode, max: number): boolean {
  let chars = 0
  const walk = (n: HNode): boolean => {
    for (const c of n.children) {
      if (typeof c === 'string') {
        chars += c.trim().length
        if (chars > max) return false
      } else if (BLOCK_TAGS.has(c.tag) || !walk(c)) return false
    }
    return true
  }
  return walk(node)
}
