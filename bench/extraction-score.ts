/**
 * Scoring for the HTML extraction benchmark, as the trafilatura project scores its evaluation
 * set: per page, text segments that must appear in the extracted article (`with`) and segments
 * that must not (`without`); matching is a substring test on whitespace-normalised text; the
 * counts of all pages are pooled into one confusion matrix.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One annotated page: the segments that must and must not be in the article text. */
export interface AnnotatedPage {
  name: string
  url: string | null
  with: string[]
  without: string[]
}

export interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}

export interface Scores extends Counts {
  precision: number
  recall: number
  accuracy: number
  f1: number
}

/** Collapses every run of white space to one space and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Scores one page. `text` null means the extractor refused the page: every `with` segment is
 * missed and every `without` segment is (trivially) absent.
 */
export function countPage(page: AnnotatedPage, text: string | null): Counts {
  if (text === null) return { tp: 0, fp: 0, fn: page.with.length, tn: page.without.length }
  const hay = normaliseSpace(text)
  const tp = page.with.filter((s) => hay.includes(normaliseSpace(s))).length
  const fp = page.without.filter((s) => hay.includes(normaliseSpace(s))).length
  return { tp, fp, fn: page.with.length - tp, tn: page.without.length - fp }
}

/** Adds counts up. */
export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn }
}

export const NO_COUNTS: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 }

/** Precision, recall, accuracy and F1 of pooled counts (0 where a denominator is empty). */
export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0
  const total = c.tp + c.fp + c.fn + c.tn
  const accuracy = total ? (c.tp + c.tn) / total : 0
  const f1 = 2 * c.tp + c.fp + c.fn ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0
  return { ...c, precision, recall, accuracy, f1 }
}

/**
 * The held-out part of the set: every fourth page by sorted file name. Error analysis while
 * tuning looks only at the other pages; the held-out figure shows how the rules generalise.
 */
export function isHeldOut(sortedIndex: number): boolean {
  return sortedIndex % 4 === 3
}

/**
 * Reads an annotated set: `DIR/annotations.json` (file name → `url`, `with`, `without`) and
 * the pages in `DIR/pages/`. Pages are returned sorted by file name; annotations without a
 * page file are reported, not silently dropped.
 */
export function loadExtractionSet(dir: string): {
  pages: (AnnotatedPage & { bytes: Uint8Array; heldOut: boolean })[]
  missing: string[]
} {
  const raw = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as Record<
    string,
    { url?: string; with?: unknown; without?: unknown }
  >
  const files = new Set(readdirSync(join(dir, 'pages')))
  const names = Object.keys(raw).sort()
  const missing = names.filter((n) => !files.has(n))
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []
  const pages = names
    .filter((n) => files.has(n))
    .map((name, i) => ({
      name,
      url: raw[name]!.url ?? null,
      with: strings(raw[name]!.with),
      without: strings(raw[name]!.without),
      bytes: readFileSync(join(dir, 'pages', name)) as Uint8Array,
      heldOut: isHeldOut(i),
    }))
  return { pages, missing }
}
