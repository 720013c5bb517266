/**
 * Carrying offsets from an article's old text to its new one, so a highlight's old position
 * becomes a good guess in the new text (a paragraph inserted before it shifts it; the
 * position is still "the same words"). Paragraphs are compared first, then the words of each
 * changed paragraph with the new paragraph most like it, with jsdiff's Myers diff; where no
 * stretch is the same, offsets follow the last one that is (re-anchoring then searches).
 */
import { diffArrays } from 'diff'
import { paragraphStarts } from '../../../shared/text'
import { similarity } from './diff'

/** A stretch of text that is the same in both versions. */
interface Same {
  oldStart: number
  newStart: number
  length: number
}

const TOKEN = /\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu
/** A word diff gives up after this long (the rest is searched for). */
const DIFF_TIMEOUT_MS = 20
/** Paragraphs this alike (shared words) are one paragraph, edited. */
const SAME_PARAGRAPH = 0.5
/** How many new paragraphs an edited one is compared with. */
const LOOK_AHEAD = 6

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
    // each old paragraph with the most alike new one, in order (an edited paragraph), so the
    // word diffs stay small
    let from = 0
    for (let r = 0; r < removed && from < added; r++) {
      const before = oldParagraphs[oi + r]!
      let bestAt = -1
      let bestScore = SAME_PARAGRAPH
      // edits keep the order of paragraphs: the next few are the candidates
      for (let j = from; j < Math.min(added, from + LOOK_AHEAD); j++) {
        const score = similarity(before, newParagraphs[ni + j]!)
        if (score > bestScore) {
          bestScore = score
          bestAt = j
        }
      }
      if (bestAt < 0) continue
      wordSame(
        before,
        newParagraphs[ni + bestAt]!,
        oldStarts[oi + r]!,
        newStarts[ni + bestAt]!,
        same,
      )
      from = bestAt + 1
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
  // what both begin and end with is the same as it stands; only the middle is diffed
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++
  let tail = 0
  while (
    tail < max - head &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++
  if (head) out.push({ oldStart: oldBase, newStart: newBase, length: head })
  const a = before.slice(head, before.length - tail).match(TOKEN) ?? []
  const b = after.slice(head, after.length - tail).match(TOKEN) ?? []
  if (a.length && b.length) {
    const parts = diffArrays(a, b, { timeout: DIFF_TIMEOUT_MS })
    let o = oldBase + head
    let n = newBase + head
    for (const part of parts ?? []) {
      const length = part.value.reduce((sum, token) => sum + token.length, 0)
      if (!part.added && !part.removed) {
        out.push({ oldStart: o, newStart: n, length })
        o += length
        n += length
      } else if (part.removed) o += length
      else n += length
    }
  }
  if (tail)
    out.push({
      oldStart: oldBase + before.length - tail,
      newStart: newBase + after.length - tail,
      length: tail,
    })
}
