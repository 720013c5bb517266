/**
 * The table of words in sentences (tests/fixtures/lexicon/sentences*.json): what a teacher
 * would write in the margin for each word, written down before the lexicon was tuned, and how
 * a lookup's answer is judged against it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { WordContext, WordInfo } from '../../shared/types'
import { ROOT } from './fixtures'

export interface TableRow {
  /** A German sentence (written for Lesesaal). */
  text: string
  /** The word clicked, as written; a multi-word term is looked up without its sentence. */
  word: string
  /** Which occurrence of the word in the text (0 = the first). */
  nth?: number
  /** The headword a teacher would give (a verb's infinitive, a noun's nominative). */
  lemma: string
  pos: 'noun' | 'verb' | 'adj' | 'adv' | 'name' | 'phrase' | 'abbr'
  /** Other headwords that are just as right ("beschädigt" for "beschädigten"). */
  alt?: string[]
  /** The separable verb's parts as the popover shows them ("gaben … preis"). */
  separable?: string
  /** The compound's parts with their links; [] = no split may be shown. */
  parts?: string[]
  /** A word the first English meaning must contain (with the full dictionary). */
  gloss?: string
  /** The built-in glossary alone must give this answer (not merely no answer). */
  builtin?: boolean
}

export function loadTable(
  name:
    | 'sentences'
    | 'sentences-heldout'
    | 'sentences-round3'
    | 'sentences-phrases'
    | 'sentences-function'
    | 'sentences-numbers'
    | 'sentences-numbers-heldout'
    | 'sentences-names'
    | 'sentences-names-heldout',
): TableRow[] {
  return JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/lexicon', `${name}.json`), 'utf8'),
  ) as TableRow[]
}

/** Where the row's word stands in its text (the n-th whole-word occurrence). */
export function contextOf(row: TableRow): WordContext | undefined {
  if (row.word.includes(' ')) return undefined
  const escaped = row.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'gu')
  const hits = [...row.text.matchAll(re)]
  const hit = hits[row.nth ?? 0]
  if (!hit) throw new Error(`"${row.word}" is not in "${row.text}"`)
  return { text: row.text, offset: hit.index }
}

/**
 * The verb a headword with objects stands for, as a teacher names it: "etw. unterstreichen",
 * "sich (mit jdm.) treffen", "gegen etw. vorgehen", "sich für/gegen etw. aussprechen" ->
 * "unterstreichen", "treffen", "vorgehen", "aussprechen".
 */
export function bareLemma(lemma: string): string {
  const placeholder = /^(?:(?:jd[mnrs]?|etw|sb|sth)\.|sich)$/
  const preposition =
    /^(?:an|auf|aus|bei|durch|für|gegen|in|mit|nach|über|um|unter|von|vor|zu|zwischen|als)$/
  const words = lemma
    .replace(/\([^()]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const bare = words.filter((t) => !t.split('/').every((p) => placeholder.test(p)))
  // a preposition goes with the object it governs ("gegen etw."), not with a phrase
  const governed = (t: string) => t.split('/').every((p) => preposition.test(p))
  return (bare.length < words.length ? bare.filter((t) => !governed(t)) : bare).join(' ')
}

const SAME_POS: Record<string, string[]> = {
  adj: ['adj', 'adv'],
  adv: ['adv', 'adj'],
  // Ding marks many verb phrases as verbs ("ums Leben kommen {vi}")
  phrase: ['phrase', 'noun', 'verb'],
  abbr: ['abbr', 'noun'],
}

export type Verdict = 'right' | 'unknown' | 'wrong'

/**
 * Right: the expected headword and part of speech (and separable parts, compound parts and
 * first meaning where the row gives them). Unknown: the lexicon has no answer. Wrong: any
 * other answer, which a learner would take for the truth.
 */
export function judge(
  row: TableRow,
  info: WordInfo,
  withDictionary: boolean,
): { verdict: Verdict; why: string } {
  if (!info.found && info.pos !== 'name') return { verdict: 'unknown', why: 'no answer' }
  const lemma = info.lemma ? bareLemma(info.lemma) : ''
  const said = `${info.lemma} (${info.pos})${info.separable ? ` "${info.separable}"` : ''} [${info.parts.join(' | ')}] ${info.gloss ?? ''}`
  const wrong = (what: string) => ({ verdict: 'wrong' as const, why: `${what}: ${said}` })
  const verb = lemma.split(' ').pop()
  // a verb read inside the fixed phrase of its clause is that verb ("hielt … eine Rede": eine
  // Rede halten); a phrase row's own word (its verb, its noun) is what the built-in glossary
  // alone can give
  const inPhrase = info.via === 'phrase' && row.pos === 'verb' && verb === row.lemma
  const phraseWord =
    !withDictionary &&
    row.pos === 'phrase' &&
    info.via !== 'phrase' &&
    row.lemma.split(' ').includes(lemma)
  if (!inPhrase && !phraseWord) {
    if (lemma !== row.lemma && !(row.alt ?? []).includes(lemma)) return wrong('headword')
    if (!(SAME_POS[row.pos] ?? [row.pos]).includes(info.pos ?? '')) return wrong('part of speech')
  }
  if (row.separable !== undefined && info.separable !== row.separable)
    return wrong('separable parts')
  if (row.parts !== undefined && info.parts.join('|') !== row.parts.join('|')) {
    // a compound the built-in glossary knows only by its head may lack some parts' lemmas
    if (withDictionary || row.parts.length === 0 || row.builtin) return wrong('parts')
  }
  if (withDictionary && row.gloss && !(info.gloss ?? '').toLowerCase().includes(row.gloss))
    return wrong('first meaning')
  return { verdict: 'right', why: said }
}

/** Whether a verdict passes: with the dictionary only right; the glossary alone may not know. */
export function passes(row: TableRow, verdict: Verdict, withDictionary: boolean): boolean {
  if (verdict === 'right') return true
  return verdict === 'unknown' && !withDictionary && !row.builtin && row.pos !== 'name'
}
