/**
 * Carrying offsets from an article's old text to its new one, so a highlight's old position
 * becomes a good guess in the new text (a paragraph inserted before it shifts it; the
 * position is still "the same words"). Paragraphs are compared first, then the words of the
 * paragraphs that changed, with jsdiff's Myers diff; a diff that would take too long gives up
 * and the offsets are taken proportionally (re-anchoring then searches for the quote).
 */
import { diffArrays } from 'diff'
import { paragraphStarts, PARAGRAPH_SEPARATOR } from '../../../shared/text'

/** A stretch of text that is the same in both versions. */
interface Same {
  oldStart: number
  newStart: number
  length: number
}

const TOKEN = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu
/** Word diffs of one changed block give up after this long (the rest is searched for). */
const DIFF_TIMEOUT_MS = 40

/** A function from offsets in the old article text to offsets in the new one. */
export function offsetMap(
  oldParagraphs: readonly string[],
  newParagraphs: readonly string[],
): (offset: number) => number {
  const oldStarts = paragraphStarts(oldParagraphs)
  const newStarts = paragraphStarts(newParagraphs)
  const same: Same[] = []
  const parts = diffArrays(oldParagraphs as string[], newParagraphs as string[])
  let oi = 0
  let ni = 0
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!
    if (!part.added && !part.removed) {
      for (let j = 0; j < part.count; j++) {
        same.push({
          oldStart: oldStarts[oi + j]!,
          newStart: newStarts[ni + j]!,
          length: oldParagraphs[oi + j]!.length,
        })
      }
      oi += part.count
      ni += part.count
      continue
    }
    // a changed block: what was removed here and what was added in its place
    const removed = part.removed ? part.count : 0
    let added = part.added ? part.count : 0
    const next = parts[k + 1]
    if (part.removed && next?.added) {
      added = next.count
      k++
    }
    if (removed && added) {
      wordSame(
        oldParagraphs.slice(oi, oi + removed).join(PARAGRAPH_SEPARATOR),
        newParagraphs.slice(ni, ni + added).join(PARAGRAPH_SEPARATOR),
        oldStarts[oi]!,
        newStarts[ni]!,
        same,
      )
    }
    oi += removed
    ni += added
  }
  const oldLength = oldStarts.length ? oldStarts.at(-1)! + oldParagraphs.at(-1)!.length : 0
  const newLength = newStarts.length ? newStarts.at(-1)! + newParagraphs.at(-1)!.length : 0
  return (offset) => {
    // the last stretch that starts at or before the offset
    let lo = 0
    let hi = same.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (same[mid]!.oldStart <= offset) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (found < 0) return oldLength ? Math.round((offset / oldLength) * newLength) : 0
    const s = same[found]!
    // inside the stretch: exact; after it (removed text): where the removal happened
    return s.newStart + Math.min(offset - s.oldStart, s.length)
  }
}

function wordSame(
  before: string,
  after: string,
  oldBase: number,
  newBase: number,
  out: Same[],
): void {
  const a = before.match(TOKEN) ?? []
  const b = after.match(TOKEN) ?? []
  const parts = diffArrays(a, b, { timeout: DIFF_TIMEOUT_MS })
  if (!parts) return
  let o = oldBase
  let n = newBase
  for (const part of parts) {
    const length = part.value.reduce((sum, token) => sum + token.length, 0)
    if (!part.added && !part.removed) {
      out.push({ oldStart: o, newStart: n, length })
      o += length
      n += length
    } else if (part.removed) o += length
    else n += length
  }
}
