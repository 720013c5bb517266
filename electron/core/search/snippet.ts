/**
 * Highlights and snippets: which words of an article match a query, as they are written in
 * the article ("Sanktionen", "Wirtschaftssanktionen"), and the passage that shows most of them.
 */
import type { TextRange } from '../../../shared/types'
import { tokenize, type Token } from './analyzer'
import type { ParsedQuery } from './query'

/** Returns the index of the query part a token matches, or -1. */
export type Matcher = (token: Token) => number

export function makeMatcher(parsed: ParsedQuery, expansions: Map<string, Set<string>>): Matcher {
  const exact = new Map<string, number>()
  const prefixes: [string, number][] = []
  parsed.include.forEach((part, i) => {
    part.keys.forEach((key, k) => {
      if (part.stops?.[k]) return
      if (key.endsWith('*')) prefixes.push([key.slice(0, -1), i])
      for (const term of expansions.get(key) ?? [key]) if (!term.endsWith('*')) exact.set(term, i)
    })
  })
  return (t) => {
    if (t.stop) return -1
    const direct = exact.get(t.key)
    if (direct !== undefined) return direct
    for (const p of t.parts ?? []) {
      const viaPart = exact.get(p)
      if (viaPart !== undefined) return viaPart
    }
    for (const [prefix, i] of prefixes) if (t.key.startsWith(prefix)) return i
    return -1
  }
}

/** The ranges of `text` that match. */
export function matchRanges(text: string, matcher: Matcher): TextRange[] {
  const out: TextRange[] = []
  for (const t of tokenize(text)) if (matcher(t) >= 0) out.push({ start: t.start, end: t.end })
  return out
}

export interface Snippet {
  text: string
  highlights: TextRange[]
}

/**
 * The best passage of about `words` words: the one with the most different query parts,
 * then the most matches. Cut at word boundaries, with "…" where text was left out.
 */
export function bestSnippet(paragraphs: string[], matcher: Matcher, words = 28): Snippet | null {
  let best: { p: number; from: number; to: number; parts: number; hits: number } | null = null
  const tokenized = paragraphs.map((p) => tokenize(p))
  tokenized.forEach((tokens, p) => {
    const marks = tokens.map(matcher)
    for (let i = 0; i < tokens.length; i++) {
      if (marks[i]! < 0) continue
      // a window starting a little before this match
      const from = Math.max(0, i - 6)
      const to = Math.min(tokens.length, from + words)
      const seen = new Set<number>()
      let hits = 0
      for (let k = from; k < to; k++) {
        if (marks[k]! >= 0) {
          seen.add(marks[k]!)
          hits++
        }
      }
      if (!best || seen.size > best.parts || (seen.size === best.parts && hits > best.hits)) {
        best = { p, from, to, parts: seen.size, hits }
      }
    }
  })
  if (!best) return null
  const { p, from, to } = best as { p: number; from: number; to: number }
  const tokens = tokenized[p]!
  const text = paragraphs[p]!
  const startAt = from === 0 ? 0 : tokens[from]!.start
  const endAt = to >= tokens.length ? text.length : tokens[to - 1]!.end
  const lead = startAt > 0 ? '… ' : ''
  const tail = endAt < text.length ? ' …' : ''
  const highlights: TextRange[] = []
  for (let k = from; k < to; k++) {
    if (matcher(tokens[k]!) >= 0) {
      highlights.push({
        start: tokens[k]!.start - startAt + lead.length,
        end: tokens[k]!.end - startAt + lead.length,
      })
    }
  }
  return { text: lead + text.slice(startAt, endAt).trim() + tail, highlights }
}

/** The opening words of a text, when no passage matches (a title-only hit). */
export function openingSnippet(paragraphs: string[], words = 28): Snippet {
  const first = paragraphs.find((p) => p.trim()) ?? ''
  const tokens = tokenize(first)
  if (tokens.length <= words) return { text: first, highlights: [] }
  return { text: `${first.slice(0, tokens[words - 1]!.end)} …`, highlights: [] }
}
