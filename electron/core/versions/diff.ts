/**
 * What changed between two texts of an article, sentence by sentence: added, removed and
 * changed sentences (a removed and an added one in the same place that share most of their
 * words), and sentences that only moved. jsdiff's Myers diff over the sentence lists.
 */
import { diffArrays } from 'diff'
import type { ChangeCounts, SentenceChange } from '../../../shared/contract/versions'
import { sentencesOf, type Sentence } from './sentences'

/** Two sentences count as one changed sentence from this share of common words on. */
const CHANGED_SIMILARITY = 0.5

const normal = (s: string) => s.replace(/\s+/g, ' ').trim()
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** The Dice coefficient of two sentences' words (as multisets). */
export function similarity(a: string, b: string): number {
  const wa = words(a)
  const wb = words(b)
  if (!wa.length || !wb.length) return 0
  const counts = new Map<string, number>()
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of wb) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      common++
      counts.set(w, n - 1)
    }
  }
  return (2 * common) / (wa.length + wb.length)
}

/** The sentence-level changes from `before` to `after` (offsets into `after`). */
export function diffTexts(before: string, after: string): SentenceChange[] {
  const a = sentencesOf(before)
  const b = sentencesOf(after)
  const parts = diffArrays(
    a.map((s) => normal(s.text)),
    b.map((s) => normal(s.text)),
  )
  const removed: { s: Sentence; at: number }[] = []
  const added: Sentence[] = []
  const changes: SentenceChange[] = []
  let ai = 0
  let bi = 0
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!
    if (!part.added && !part.removed) {
      ai += part.count
      bi += part.count
      continue
    }
    const nRemoved = part.removed ? part.count : 0
    let nAdded = part.added ? part.count : 0
    if (part.removed && parts[k + 1]?.added) {
      nAdded = parts[k + 1]!.count
      k++
    }
    const gone = a.slice(ai, ai + nRemoved)
    const come = b.slice(bi, bi + nAdded)
    // where removed sentences stood in the newer text: before the next sentence kept
    const at = b[bi + nAdded]?.start ?? after.length
    pairChanged(gone, come, at, changes, removed, added)
    ai += nRemoved
    bi += nAdded
  }
  // a sentence removed in one place and added word for word in another only moved
  const addedByText = new Map<string, Sentence[]>()
  for (const s of added) {
    const key = normal(s.text)
    addedByText.set(key, [...(addedByText.get(key) ?? []), s])
  }
  const movedTo = new Set<Sentence>()
  for (const r of removed) {
    const to = addedByText.get(normal(r.s.text))?.find((s) => !movedTo.has(s))
    if (to) {
      movedTo.add(to)
      changes.push({ kind: 'moved', start: to.start, end: to.end, text: to.text, before: null })
    } else changes.push({ kind: 'removed', start: r.at, end: r.at, text: r.s.text, before: null })
  }
  for (const s of added)
    if (!movedTo.has(s))
      changes.push({ kind: 'added', start: s.start, end: s.end, text: s.text, before: null })
  return changes.sort((x, y) => x.start - y.start || order(x) - order(y))
}

const order = (c: SentenceChange) => (c.kind === 'removed' ? 0 : 1)

/** Pairs removed and added sentences of one block, in order, when they are alike. */
function pairChanged(
  gone: Sentence[],
  come: Sentence[],
  at: number,
  changes: SentenceChange[],
  removed: { s: Sentence; at: number }[],
  added: Sentence[],
): void {
  let from = 0
  for (const g of gone) {
    let bestIndex = -1
    let bestScore = CHANGED_SIMILARITY
    for (let j = from; j < come.length; j++) {
      const score = similarity(g.text, come[j]!.text)
      if (score >= bestScore) {
        bestScore = score
        bestIndex = j
      }
    }
    if (bestIndex < 0) {
      removed.push({ s: g, at: come[from]?.start ?? at })
      continue
    }
    added.push(...come.slice(from, bestIndex))
    const c = come[bestIndex]!
    changes.push({ kind: 'changed', start: c.start, end: c.end, text: c.text, before: g.text })
    from = bestIndex + 1
  }
  added.push(...come.slice(from))
}

/** How many sentences were added, removed and changed (moved ones are neither). */
export function countChanges(changes: readonly SentenceChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, changed: 0 }
  for (const c of changes) if (c.kind !== 'moved') counts[c.kind]++
  return counts
}
