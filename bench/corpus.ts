/**
 * The benchmark corpus: one article per JSONL line (`id`, `title`, `text`, optional `date`),
 * scaled up by copies whose sentences are shuffled (same words, new order, new ids).
 * The corpus is read from a path given on the command line; nothing of it is stored here.
 */
import { readFileSync } from 'node:fs'

export interface BenchArticle {
  id: string
  /** The original this article was copied from (itself for originals). */
  family: number
  title: string
  paragraphs: string[]
  published: string | null
}

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SENTENCE = /[^.!?]+[.!?]+["“”»«]?\s*|[^.!?]+$/g

export function loadCorpus(path: string): BenchArticle[] {
  const out: BenchArticle[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const row = JSON.parse(line) as {
      id: string
      title: string | null
      text: string
      date?: string
    }
    const paragraphs = row.text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    const title = row.title?.trim() || (paragraphs[0] ?? '').split(/(?<=[.!?])\s/)[0]!.slice(0, 120)
    const published =
      row.date && /^\d{4}-\d{2}-\d{2}$/.test(row.date) && !row.date.startsWith('0001')
        ? row.date
        : null
    out.push({ id: row.id, family: out.length, title, paragraphs, published })
  }
  return out
}

/** The corpus at `scale` articles: the originals, then shuffled copies. */
export function scaleCorpus(base: BenchArticle[], scale: number): BenchArticle[] {
  if (scale <= base.length) return base.slice(0, scale)
  const random = rng(20261123)
  const out = base.slice()
  for (let i = 0; out.length < scale; i++) {
    const src = base[i % base.length]!
    const paragraphs = src.paragraphs.map((p) => {
      const sentences = p.match(SENTENCE)?.map((s) => s.trim()) ?? [p]
      for (let k = sentences.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1))
        ;[sentences[k], sentences[j]] = [sentences[j]!, sentences[k]!]
      }
      return sentences.join(' ')
    })
    out.push({
      id: `${src.id}~${i}`,
      family: src.family,
      title: src.title,
      paragraphs,
      published: src.published,
    })
  }
  return out
}
