import type { Line } from './lines'

/**
 * Plain text to lines. Scraped pages put one paragraph on a line; texts written in an editor
 * or mail program are hard-wrapped at ~70 columns. The second kind is detected and unwrapped
 * (with hyphenated line breaks rejoined), so both end up one paragraph per line.
 */
export function plainTextLines(text: string): Line[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n')
  const blocks: string[][] = [[]]
  for (const l of raw) {
    const t = l.trim()
    if (t) blocks[blocks.length - 1]!.push(t)
    else if (blocks[blocks.length - 1]!.length) blocks.push([])
  }
  const width = wrapWidth(blocks)
  const lines: Line[] = []
  for (const block of blocks) {
    block.forEach((t, k) => {
      const prev = lines[lines.length - 1]
      if (
        k > 0 &&
        width &&
        prev &&
        (prev.text.length >= width * 0.6 || /\p{L}-$/u.test(prev.text))
      ) {
        prev.text = joinWrapped(prev.text, t)
      } else {
        lines.push({ text: t, blankBefore: k === 0 })
      }
    })
  }
  return lines
}

/** The column a hard-wrapped text is wrapped at, or 0 when lines are paragraphs. */
function wrapWidth(blocks: string[][]): number {
  const all = blocks.flat()
  if (all.length < 4 || all.some((l) => l.length > 110)) return 0
  const inner = blocks.filter((b) => b.length >= 2).flatMap((b) => b.slice(0, -1))
  if (inner.length < 3) return 0
  const long = inner.filter((l) => l.length >= 35)
  if (long.length / inner.length < 0.7) return 0
  const sorted = all.map((l) => l.length).sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.9)]!
}

function joinWrapped(a: string, b: string): string {
  // "Verkehrs-" + "minister" -> "Verkehrsminister"; "Atom-" + "Programm" keeps its hyphen.
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b
  if (/\p{L}-$/u.test(a)) return a + b
  return `${a} ${b}`
}
