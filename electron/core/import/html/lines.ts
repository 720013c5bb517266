import type { Line } from '../lines'
import type { Block } from './blocks'

/** Blocks to the lines the cleanup rules work on; a `<br>` inside a block starts a new line. */
export function blocksToLines(blocks: Block[]): Line[] {
  const lines: Line[] = []
  for (const b of blocks) {
    b.lines.forEach((text, k) =>
      lines.push({
        text,
        blankBefore: k === 0,
        heading: b.heading > 0,
        links: b.text.length ? b.linkChars / b.text.length : 0,
      }),
    )
  }
  return lines
}
