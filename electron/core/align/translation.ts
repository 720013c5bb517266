/**
 * An article and its translation, aligned sentence by sentence as bilingual aligners do:
 * dynamic programming over monotone beads (1-1, 1-2, 2-1, 1-0, 0-1) scored by sentence
 * lengths (Gale & Church 1993: the translation's length is the source's times a ratio, with a
 * variance growing with length) and by word correspondences from a dictionary, as hunalign
 * does (how many words on each side have a translation on the other; numbers and names
 * count as their own translations).
 *
 * Beads the user fixed (join, split, move) are kept: the dynamic programming aligns only the
 * stretches between them.
 */

/** The aligner's identity, stored with cached alignments: bump on every change of scoring. */
export const TRANSLATION_ALIGNER = 'translation/2'

/** Variance of the length difference per character (Gale & Church). */
const VARIANCE = 6.8
/**
 * What a bead without any word correspondence costs (in nats), against the length model:
 * a bead pays this times the share of its words without a translation on the other side.
 * Beads that leave a sentence out pay only their (low) prior: lengths and words say nothing
 * about a sentence that is not there.
 */
const DICTIONARY_WEIGHT = 7
/**
 * How likely a translation is to stop before the article ends (a learner translated the
 * first paragraphs). Each sentence after its last one is then left out with the rest, at a
 * cost (nats) below a sentence left out alone (-ln 0.01 = 4.6), so the untranslated rest is
 * one stretch, not sentences skipped here and there; but above what makes a sentence of the
 * translation better added than paired: a 1-1 bead of fitting length (under 1 nat) with no
 * word found in the dictionary costs -ln 0.87 + 7 + 1, an added sentence 4.6, so the rest's
 * sentences must cost more than the difference (3.5) each.
 */
const STOPS_EARLY = 0.01
const LEFT_WITH_THE_REST = -Math.log(0.87) + DICTIONARY_WEIGHT + 1 + Math.log(0.01)
/**
 * Bead types with their prior probabilities: Gale & Church's, except that a sentence left out
 * or added is twice as likely (news translations are adapted more freely than the
 * parliamentary proceedings those figures come from); 2-2 is left out.
 */
const BEADS: { s: number; t: number; prior: number }[] = [
  { s: 1, t: 1, prior: 0.87 },
  { s: 1, t: 0, prior: 0.01 },
  { s: 0, t: 1, prior: 0.01 },
  { s: 2, t: 1, prior: 0.0445 },
  { s: 1, t: 2, prior: 0.0445 },
]

export interface TranslationBead {
  source: number[]
  translation: number[]
  score: number
  fixed: boolean
}

export interface FixedBead {
  source: [number, number]
  translation: [number, number]
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x))
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2)
  const p =
    d *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return x > 0 ? 1 - p : p
}

/** How likely the two lengths are translations of each other, 0–1 (Gale & Church). */
export function lengthProbability(
  sourceLength: number,
  targetLength: number,
  ratio: number,
): number {
  if (sourceLength === 0 && targetLength === 0) return 1
  const mean = (sourceLength + targetLength / ratio) / 2
  const z = (targetLength - sourceLength * ratio) / Math.sqrt(VARIANCE * mean)
  return 2 * (1 - normalCdf(Math.abs(z)))
}

/**
 * The share of words on both sides that have a translation on the other side, 0–1.
 * `source[i]` lists, per content word of the source group, the keys it may be translated by;
 * `target` is the set of the target group's keys (and `targetWords` how many words it has).
 */
export function correspondence(
  source: readonly Set<string>[],
  target: Set<string>,
  targetWords: readonly string[],
): number {
  // each distinct word once: a sentence that repeats its neighbour's words adds nothing
  const total = source.length + target.size
  if (total === 0) return 0
  void targetWords
  const translations = new Set<string>()
  let matched = 0
  for (const word of source) {
    let hit = false
    for (const k of word) {
      translations.add(k)
      if (target.has(k)) hit = true
    }
    if (hit) matched++
  }
  for (const w of target) if (translations.has(w)) matched++
  return matched / total
}

export interface AlignSide {
  /** Character lengths of the sentences. */
  lengths: readonly number[]
}

export interface SourceSide extends AlignSide {
  /** Per sentence, per content word: the keys that translate it. */
  words: readonly Set<string>[][]
}

export interface TargetSide extends AlignSide {
  /** Per sentence: its content words' keys. */
  words: readonly string[][]
}

/**
 * Aligns source and translation sentences, keeping `fixed` beads as they are.
 *
 * The length ratio is not known in advance: the texts' (their total lengths) is right for a
 * whole translation, but a translation of the first paragraphs only is half the article's
 * length, and with that ratio every sentence of it would seem to translate two. So the
 * alignment is made from two starting ratios, the texts' and 1 (Gale & Church's for
 * characters), each brought to what its 1-1 beads say (their median length ratio), and the
 * more probable of the two alignments is kept.
 */
export function alignTranslation(
  source: SourceSide,
  target: TargetSide,
  fixed: readonly FixedBead[] = [],
): TranslationBead[] {
  const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
  const texts = total(source.lengths) > 0 ? total(target.lengths) / total(source.lengths) || 1 : 1
  let best: Aligned | null = null
  for (const start of Math.abs(texts - 1) < 0.05 ? [texts] : [texts, 1]) {
    let ratio = start
    let aligned = alignWith(source, target, fixed, ratio)
    for (let pass = 0; pass < 2; pass++) {
      const ones = aligned.beads
        .filter((b) => !b.fixed && b.source.length === 1 && b.translation.length === 1)
        .map((b) => target.lengths[b.translation[0]!]! / Math.max(1, source.lengths[b.source[0]!]!))
        .sort((a, b) => a - b)
      if (ones.length < 3) break
      const median = ones[Math.floor(ones.length / 2)]!
      if (Math.abs(median - ratio) < 0.05 * ratio) break
      ratio = median
      aligned = alignWith(source, target, fixed, ratio)
    }
    if (!best || aligned.cost < best.cost) best = aligned
  }
  return best!.beads
}

interface Aligned {
  beads: TranslationBead[]
  /** What the stretches' beads cost together (nats): lower is more probable. */
  cost: number
}

function alignWith(
  source: SourceSide,
  target: TargetSide,
  fixed: readonly FixedBead[],
  ratio: number,
): Aligned {
  const n = source.lengths.length
  const m = target.lengths.length
  const usable = validFixed(fixed, n, m)
  let cost = 0
  const stretch = (s0: number, s1: number, t0: number, t1: number) => {
    const r = alignStretch(source, target, ratio, s0, s1, t0, t1, s1 === n && t1 === m)
    cost += r.cost
    return r.beads
  }
  const out: TranslationBead[] = []
  let s = 0
  let t = 0
  const score = (s0: number, s1: number, t0: number, t1: number) =>
    beadScore(source, target, ratio, s0, s1, t0, t1)
  for (const f of usable) {
    out.push(...stretch(s, f.source[0], t, f.translation[0]))
    out.push({
      source: range(f.source[0], f.source[1]),
      translation: range(f.translation[0], f.translation[1]),
      score: score(f.source[0], f.source[1], f.translation[0], f.translation[1]).score,
      fixed: true,
    })
    s = f.source[1]
    t = f.translation[1]
  }
  out.push(...stretch(s, n, t, m))
  return { beads: out, cost }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i)
}

/** Fixed beads that fit: in range, in order, not overlapping, not empty on both sides. */
function validFixed(fixed: readonly FixedBead[], n: number, m: number): FixedBead[] {
  const sorted = [...fixed].sort(
    (a, b) => a.source[0] - b.source[0] || a.translation[0] - b.translation[0],
  )
  const out: FixedBead[] = []
  let s = 0
  let t = 0
  for (const f of sorted) {
    const [s0, s1] = f.source
    const [t0, t1] = f.translation
    if (s0 < s || t0 < t || s1 > n || t1 > m || s1 < s0 || t1 < t0) continue
    if (s1 === s0 && t1 === t0) continue
    out.push(f)
    s = s1
    t = t1
  }
  return out
}

/** Per side, what bead scores reuse: each sentence's keys as a set. */
const prepared = new WeakMap<object, Set<string>[]>()

function sourceKeySets(source: SourceSide): Set<string>[] {
  let sets = prepared.get(source)
  if (!sets) {
    sets = source.words.map((words) => {
      const all = new Set<string>()
      for (const w of words) for (const k of w) all.add(k)
      return all
    })
    prepared.set(source, sets)
  }
  return sets
}

function targetKeySets(target: TargetSide): Set<string>[] {
  let sets = prepared.get(target)
  if (!sets) {
    sets = target.words.map((words) => new Set(words))
    prepared.set(target, sets)
  }
  return sets
}

function beadScore(
  source: SourceSide,
  target: TargetSide,
  ratio: number,
  s0: number,
  s1: number,
  t0: number,
  t1: number,
): { cost: number; score: number } {
  if (s1 === s0 || t1 === t0) return { cost: 0, score: 0 }
  let ls = 0
  let lt = 0
  for (let i = s0; i < s1; i++) ls += source.lengths[i]!
  for (let j = t0; j < t1; j++) lt += target.lengths[j]!
  const p = lengthProbability(ls, lt, ratio)
  // the share of words with a translation on the other side (each distinct target word once)
  const sourceSets = sourceKeySets(source)
  const targetSets = targetKeySets(target)
  const inTarget = (k: string) => {
    for (let j = t0; j < t1; j++) if (targetSets[j]!.has(k)) return true
    return false
  }
  const inSource = (k: string) => {
    for (let i = s0; i < s1; i++) if (sourceSets[i]!.has(k)) return true
    return false
  }
  let words = 0
  let matched = 0
  for (let i = s0; i < s1; i++)
    for (const word of source.words[i]!) {
      words++
      for (const k of word)
        if (inTarget(k)) {
          matched++
          break
        }
    }
  const seen = t1 - t0 > 1 ? new Set<string>() : null
  for (let j = t0; j < t1; j++)
    for (const k of targetSets[j]!) {
      if (seen) {
        if (seen.has(k)) continue
        seen.add(k)
      }
      words++
      if (inSource(k)) matched++
    }
  const sim = words ? matched / words : 0
  return {
    cost: -Math.log(Math.max(p, 1e-12)) + DICTIONARY_WEIGHT * (1 - sim),
    score: (p + sim) / 2,
  }
}

/**
 * Dynamic programming over one stretch [s0, s1) × [t0, t1), and what its beads cost. The last
 * stretch (`openEnd`) may leave the source's last sentences out together: the translation
 * stopped there.
 */
function alignStretch(
  source: SourceSide,
  target: TargetSide,
  ratio: number,
  s0: number,
  s1: number,
  t0: number,
  t1: number,
  openEnd = false,
): Aligned {
  const rows = s1 - s0
  const cols = t1 - t0
  if (rows === 0 && cols === 0) return { beads: [], cost: 0 }
  const width = cols + 1
  const cost = new Float64Array((rows + 1) * width).fill(Infinity)
  const back = new Int8Array((rows + 1) * width).fill(-1)
  cost[0] = 0
  // a band around the diagonal: translations do not wander far from the source's order (wide
  // enough for a translation of part of the text, which leaves the diagonal by the difference)
  const band = Math.max(8, Math.ceil(0.2 * Math.max(rows, cols)), Math.abs(rows - cols) + 4)
  for (let i = 0; i <= rows; i++) {
    const centre = rows === 0 ? 0 : Math.round((i * cols) / rows)
    const from = Math.max(0, centre - band)
    const to = Math.min(cols, centre + band)
    for (let j = from; j <= to; j++) {
      if (i === 0 && j === 0) continue
      let best = Infinity
      let how = -1
      BEADS.forEach((b, k) => {
        if (b.s > i || b.t > j) return
        const before = cost[(i - b.s) * width + (j - b.t)]!
        if (before === Infinity) return
        const c =
          before -
          Math.log(b.prior) +
          beadScore(source, target, ratio, s0 + i - b.s, s0 + i, t0 + j - b.t, t0 + j).cost
        if (c < best) {
          best = c
          how = k
        }
      })
      cost[i * width + j] = best
      back[i * width + j] = how
    }
  }
  // where the translation ends: with the whole source, or earlier
  let end = rows
  let total = cost[rows * width + cols]!
  for (let i = 0; openEnd && i < rows; i++) {
    const early = cost[i * width + cols]! - Math.log(STOPS_EARLY) + (rows - i) * LEFT_WITH_THE_REST
    if (early < total) {
      total = early
      end = i
    }
  }
  const beads: TranslationBead[] = []
  for (let i = rows; i > end; i--)
    beads.push({ source: [s0 + i - 1], translation: [], score: 0, fixed: false })
  for (let i = end, j = cols; i > 0 || j > 0;) {
    const b = BEADS[back[i * width + j]!]!
    const from = { s: i - b.s, t: j - b.t }
    beads.push({
      source: range(s0 + from.s, s0 + i),
      translation: range(t0 + from.t, t0 + j),
      score: beadScore(source, target, ratio, s0 + from.s, s0 + i, t0 + from.t, t0 + j).score,
      fixed: false,
    })
    i = from.s
    j = from.t
  }
  return {
    beads: beads.reverse().map((b) => ({ ...b, score: Math.round(b.score * 1000) / 1000 })),
    cost: total,
  }
}
