/**
 * Alignment across outlets: for 2–8 articles, the pairs of sentences that report the same
 * fact, in any order and many-to-many (one outlet's long sentence may cover two of
 * another's), and the sentences no other article has ("only here").
 *
 * Each sentence becomes weighted features (see features.ts): class weight × rarity, the
 * rarity being the IDF of the feature over all sentences being aligned (a word every
 * sentence of the story uses, like the ship's name, tells sentences apart less than the
 * number of its crew). Two sentences score by their shared weight, half cosine and half
 * overlap with the smaller sentence; a pair is kept when it clears the threshold, shares
 * enough (two features, or one strong one), and is not much weaker than the best partner
 * either sentence has in the other article.
 */
import type { SentencePair, SentenceRef } from '../../../shared/contract/align'
import { tokenize } from '../search/analyzer'
import {
  CLASS_WEIGHT,
  sentenceFeatures,
  sharedParts,
  stemsOf,
  type CompoundSplitter,
  type FeatureClass,
} from './features'

/** The aligner's identity, stored with cached alignments: bump on every change of scoring. */
export const CROSS_ALIGNER = 'cross/1'

/** Pairs score at least this. */
export const PAIR_THRESHOLD = 0.2
/** A pair is kept only if it has at least this share of its sentences' best scores. */
const RELATIVE = 0.65
/** Shared weight one feature must carry to make a pair alone. */
const STRONG_SINGLE = 2.8
/** …or be this share of the shorter sentence (what it is about: "Und jetzt läuft auch noch Öl aus!"). */
const MAIN_WORD = 0.4

export interface AlignInput {
  id: number
  sentences: readonly string[]
}

export interface CrossAlignment {
  pairs: SentencePair[]
  only: SentenceRef[]
}

interface Vec {
  article: number
  sentence: number
  keys: Int32Array
  weights: Float64Array
  /** 1 for a feature specific enough to make a pair alone (a number, a date, a name, a long word). */
  specific: Uint8Array
  total: number
}

/** Weighted feature vectors of every sentence, with IDF over all of them. */
function vectors(inputs: readonly AlignInput[], split?: CompoundSplitter): Vec[] {
  const vocabulary = new Set<string>()
  const tokens = inputs.map((a) => a.sentences.map((s) => tokenize(s)))
  inputs.forEach((a, ai) =>
    a.sentences.forEach((s, si) => {
      for (const k of stemsOf(s, tokens[ai]![si])) vocabulary.add(k)
    }),
  )
  const shared = sharedParts(vocabulary)
  const partsCache = new Map<string, string[]>()
  const raw: { article: number; sentence: number; features: Map<string, FeatureClass> }[] = []
  const df = new Map<string, number>()
  inputs.forEach((a, ai) =>
    a.sentences.forEach((s, si) => {
      const { features } = sentenceFeatures(
        s,
        { split, vocabulary, shared, partsCache },
        tokens[ai]![si],
      )
      raw.push({ article: ai, sentence: si, features })
      for (const f of features.keys()) df.set(f, (df.get(f) ?? 0) + 1)
    }),
  )
  const ids = new Map<string, number>()
  const n = raw.length
  return raw.map((r) => {
    const keys: number[] = []
    const weights: number[] = []
    const specific: number[] = []
    let total = 0
    for (const [f, c] of r.features) {
      let id = ids.get(f)
      if (id === undefined) ids.set(f, (id = ids.size))
      const w = CLASS_WEIGHT[c] * Math.log(1 + n / df.get(f)!)
      keys.push(id)
      weights.push(w)
      specific.push(c === 'number' || c === 'date' || c === 'name' || f.length >= 8 ? 1 : 0)
      total += w
    }
    return {
      article: r.article,
      sentence: r.sentence,
      keys: Int32Array.from(keys),
      weights: Float64Array.from(weights),
      specific: Uint8Array.from(specific),
      total,
    }
  })
}

interface Scored {
  a: Vec
  b: Vec
  score: number
}

/** Every pair of sentences of different articles with a shared feature, scored. */
function scorePairs(
  vecs: Vec[],
  keep: (shared: number, count: number, max: number, smaller: number) => boolean,
) {
  const postings = new Map<number, { vec: number; weight: number }[]>()
  vecs.forEach((v, i) =>
    v.keys.forEach((k, j) => {
      let list = postings.get(k)
      if (!list) postings.set(k, (list = []))
      list.push({ vec: i, weight: v.weights[j]! })
    }),
  )
  const specific = new Set<number>()
  for (const v of vecs) v.keys.forEach((k, j) => v.specific[j] && specific.add(k))
  const out: Scored[] = []
  const shared = new Float64Array(vecs.length)
  const count = new Int32Array(vecs.length)
  const strongest = new Float64Array(vecs.length)
  vecs.forEach((v, i) => {
    const touched: number[] = []
    v.keys.forEach((k, j) => {
      const w = v.weights[j]!
      for (const p of postings.get(k)!) {
        // each pair once, and never within one article
        if (p.vec <= i || vecs[p.vec]!.article === v.article) continue
        if (count[p.vec] === 0) touched.push(p.vec)
        const m = Math.min(w, p.weight)
        shared[p.vec]! += m
        count[p.vec]!++
        if (specific.has(k) && m > strongest[p.vec]!) strongest[p.vec] = m
      }
    })
    for (const o of touched) {
      const other = vecs[o]!
      const s = shared[o]!
      if (keep(s, count[o]!, strongest[o]!, Math.min(v.total, other.total))) {
        const cosine = s / Math.sqrt(v.total * other.total)
        const overlap = s / Math.min(v.total, other.total)
        out.push({ a: v, b: other, score: 0.5 * cosine + 0.5 * overlap })
      }
      shared[o] = 0
      count[o] = 0
      strongest[o] = 0
    }
  })
  return out
}

/** Sentences nobody paired, per article. */
function unpaired(inputs: readonly AlignInput[], pairs: SentencePair[]): SentenceRef[] {
  const paired = new Set<string>()
  for (const p of pairs) {
    paired.add(`${p.a.id}:${p.a.sentence}`)
    paired.add(`${p.b.id}:${p.b.sentence}`)
  }
  const only: SentenceRef[] = []
  for (const a of inputs)
    a.sentences.forEach((_, i) => {
      if (!paired.has(`${a.id}:${i}`)) only.push({ id: a.id, sentence: i })
    })
  return only
}

function ref(inputs: readonly AlignInput[], v: Vec): SentenceRef {
  return { id: inputs[v.article]!.id, sentence: v.sentence }
}

function sortPairs(pairs: SentencePair[]): SentencePair[] {
  return pairs.sort(
    (x, y) =>
      x.a.id - y.a.id ||
      x.a.sentence - y.a.sentence ||
      x.b.id - y.b.id ||
      x.b.sentence - y.b.sentence,
  )
}

export interface CrossOptions {
  /** Splits compounds into part stems (the lexicon's splitter). */
  split?: CompoundSplitter
  threshold?: number
  relative?: number
}

/** Aligns the sentences of several articles (see the module comment). */
export function alignAcross(
  inputs: readonly AlignInput[],
  options: CrossOptions = {},
): CrossAlignment {
  const threshold = options.threshold ?? PAIR_THRESHOLD
  const relative = options.relative ?? RELATIVE
  const vecs = vectors(inputs, options.split)
  const candidates = scorePairs(
    vecs,
    (shared, count, strongest, smaller) =>
      count >= 2 || strongest >= STRONG_SINGLE || shared >= MAIN_WORD * smaller,
  ).filter((p) => p.score >= threshold)
  // the best score each sentence has against each other article
  const best = new Map<string, number>()
  const note = (v: Vec, otherArticle: number, score: number) => {
    const key = `${v.article}:${v.sentence}>${otherArticle}`
    if (score > (best.get(key) ?? 0)) best.set(key, score)
  }
  for (const p of candidates) {
    note(p.a, p.b.article, p.score)
    note(p.b, p.a.article, p.score)
  }
  const pairs: SentencePair[] = []
  for (const p of candidates) {
    const bestA = best.get(`${p.a.article}:${p.a.sentence}>${p.b.article}`)!
    const bestB = best.get(`${p.b.article}:${p.b.sentence}>${p.a.article}`)!
    if (p.score < relative * Math.max(bestA, bestB)) continue
    pairs.push({ a: ref(inputs, p.a), b: ref(inputs, p.b), score: round(p.score) })
  }
  return { pairs: sortPairs(pairs), only: unpaired(inputs, pairs) }
}

/**
 * The baseline the benchmark measures beside the aligner: plain TF-IDF cosine over
 * content-word stems (same analyzer, same IDF over the aligned sentences), every pair of
 * sentences of different articles at or above `threshold`.
 */
export function alignTfIdf(
  inputs: readonly AlignInput[],
  threshold = PAIR_THRESHOLD,
): CrossAlignment {
  const docs: { article: number; sentence: number; tf: Map<string, number> }[] = []
  const df = new Map<string, number>()
  inputs.forEach((a, ai) =>
    a.sentences.forEach((s, si) => {
      const tf = new Map<string, number>()
      for (const k of stemsOf(s)) tf.set(k, (tf.get(k) ?? 0) + 1)
      docs.push({ article: ai, sentence: si, tf })
      for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1)
    }),
  )
  const n = docs.length
  const vec = docs.map((d) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [k, tf] of d.tf) {
      const w = tf * Math.log(n / df.get(k)!)
      v.set(k, w)
      norm += w * w
    }
    return { ...d, v, norm: Math.sqrt(norm) || 1 }
  })
  const pairs: SentencePair[] = []
  for (let i = 0; i < vec.length; i++) {
    for (let j = i + 1; j < vec.length; j++) {
      const x = vec[i]!
      const y = vec[j]!
      if (x.article === y.article) continue
      let dot = 0
      for (const [k, w] of x.v) dot += w * (y.v.get(k) ?? 0)
      const cos = dot / (x.norm * y.norm)
      if (cos >= threshold)
        pairs.push({
          a: { id: inputs[x.article]!.id, sentence: x.sentence },
          b: { id: inputs[y.article]!.id, sentence: y.sentence },
          score: round(cos),
        })
    }
  }
  return { pairs: sortPairs(pairs), only: unpaired(inputs, pairs) }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
