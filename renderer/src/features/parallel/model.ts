/**
 * What the parallel view derives from an alignment: for the columns on screen, each
 * sentence's partners in the other columns, and the sentences without any ("only here").
 */
import type { Alignment, SentenceRef } from '../../../../shared/contract/align'

export const refKey = (r: SentenceRef) => `${r.id}:${r.sentence}`

export interface ColumnModel {
  /** Sentence key -> its partners in the other visible columns, best first. */
  partners: Map<string, (SentenceRef & { score: number })[]>
  /** Keys of sentences with no partner in the other visible columns. */
  only: Set<string>
}

/** Partners and "only here" sentences among the visible articles. */
export function columnModel(alignment: Alignment, visible: readonly number[]): ColumnModel {
  const shown = new Set(visible)
  const partners = new Map<string, (SentenceRef & { score: number })[]>()
  const add = (from: SentenceRef, to: SentenceRef, score: number) => {
    const k = refKey(from)
    let list = partners.get(k)
    if (!list) partners.set(k, (list = []))
    list.push({ ...to, score })
  }
  for (const p of alignment.pairs) {
    if (!shown.has(p.a.id) || !shown.has(p.b.id)) continue
    add(p.a, p.b, p.score)
    add(p.b, p.a, p.score)
  }
  for (const list of partners.values()) list.sort((x, y) => y.score - x.score)
  const only = new Set<string>()
  for (const a of alignment.articles) {
    if (!shown.has(a.id)) continue
    a.sentences.forEach((_, i) => {
      const k = `${a.id}:${i}`
      if (!partners.has(k)) only.add(k)
    })
  }
  return { partners, only }
}

/** The partner of a sentence in another column: its best one there, or null. */
export function partnerIn(
  model: ColumnModel,
  from: SentenceRef,
  column: number,
): SentenceRef | null {
  return model.partners.get(refKey(from))?.find((p) => p.id === column) ?? null
}

/** Offsets of each paragraph in the body (the paragraphs joined by "\n"). */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const out: number[] = []
  let at = 0
  for (const p of paragraphs) {
    out.push(at)
    at += p.length + 1
  }
  return out
}
