/**
 * Words written with a number, as German news writes ages, shares, durations and decades:
 * "die 64-jährige Kanzlerin", "ein 30-Jähriger", "um das 4-Fache", "3-mal", "die 80er-Jahre",
 * "die 5-Prozent-Hürde". The dictionaries spell such words out (achtzehnjährig) or list the
 * suffix alone ("…jährig :: years of age"), so none of them was found as written (in 2,000
 * news articles, 831 words begin with a number and a hyphen; 500 of them are ages).
 *
 * An adjective or adverb made with a suffix is read as the suffix ("…-jährig"): every age is
 * one word to learn, and "19-jährige" is known once "64-jährige" was saved. The popover says
 * what the word means with its number ("64-jährige: 64 Jahre alt …"). A noun after the number is a compound of that
 * noun (gender and plural from it, in whatever form it stands); the nominalised
 * adjectives ("der 30-Jährige", "das 4-Fache") and the decades are read here.
 */
import { GENDER_ARTICLE, type Gender, type WordInfo } from '../../../shared/types'
import { emptyInfo } from './explain'
import type { Entry } from './readings'

/**
 * A number, a hyphen, then a word (and maybe more hyphenated words); or "…" for the number
 * (the headword itself, "…-jährig", looked up from a word list).
 */
const NUMBERED = /^(\d+|…)(er)?[-‐‑](\p{L}[\p{L}\p{N}]*(?:[-‐‑][\p{L}\p{N}]+)*)$/u

interface Suffix {
  /** English, "…" standing for the number. */
  gloss: string
  /** German, with the number for "…" (what the clicked word means). */
  here: string
  /** The nominalised adjective ("der 30-Jährige", "das 4-Fache"): its gender and English. */
  noun?: { gender: Gender; gloss: string; here: string }
  /** An adverb ("3-mal"), not an adjective. */
  adverb?: boolean
}

/** The suffixes news writes after a number (any other is read from a dictionary's "…x"). */
const SUFFIXES = new Map<string, Suffix>([
  [
    'jährig',
    {
      gloss: '…-year-old; … years old; lasting … years',
      here: '… Jahre alt (oder: … Jahre lang)',
      noun: { gender: 'm', gloss: '…-year-old (person)', here: 'jemand, der … Jahre alt ist' },
    },
  ],
  ['prozentig', { gloss: '…-percent; … per cent', here: 'zu … Prozent' }],
  ['minütig', { gloss: '…-minute (lasting … minutes)', here: '… Minuten lang' }],
  ['sekündig', { gloss: '…-second (lasting … seconds)', here: '… Sekunden lang' }],
  ['stündig', { gloss: '…-hour (lasting … hours)', here: '… Stunden lang' }],
  ['tägig', { gloss: '…-day (lasting … days)', here: '… Tage lang' }],
  ['wöchig', { gloss: '…-week (lasting … weeks)', here: '… Wochen lang' }],
  ['monatig', { gloss: '…-month (lasting … months)', here: '… Monate lang' }],
  [
    'fach',
    {
      gloss: '…-fold; … times',
      here: '…-mal so viel',
      noun: { gender: 'n', gloss: '… times as much; …-fold', here: '…-mal so viel' },
    },
  ],
  ['malig', { gloss: 'happening … times', here: '…-mal' }],
  ['mal', { gloss: '… times', here: '… Mal', adverb: true }],
  ['seitig', { gloss: '…-page; …-sided', here: 'mit … Seiten' }],
  ['teilig', { gloss: '…-part; in … parts', here: 'aus … Teilen' }],
  ['stellig', { gloss: '…-digit; …-figure', here: 'mit … Stellen' }],
  ['stöckig', { gloss: '…-storey', here: 'mit … Stockwerken' }],
  ['köpfig', { gloss: '…-member; …-strong (people)', here: 'aus … Personen' }],
  ['spurig', { gloss: '…-lane; …-track', here: 'mit … Spuren' }],
  ['gleisig', { gloss: '…-track', here: 'mit … Gleisen' }],
  ['sitzig', { gloss: '…-seat; …-seater', here: 'mit … Sitzen' }],
])

/** Adjective endings, longest first; "" for the word as it stands. */
const ENDINGS = ['en', 'em', 'er', 'es', 'e', '']

/** What the reader of a numbered word needs from the lexicon. */
export interface NumberedLexicon {
  /** The dictionary's entry for a suffix ("…tägig"), if any. */
  suffixEntry(key: string): Entry | null
  /** A noun by itself, as the popover reads it (compounds split, forms found). */
  noun(word: string): WordInfo | null
}

/** The reading of a word written with a number, or null when it is none (or none is known). */
export function readNumbered(query: string, lexicon: NumberedLexicon): WordInfo | null {
  const m = NUMBERED.exec(query)
  if (!m) return null
  const [, number, er, rest] = m as unknown as [string, string, string | undefined, string]
  const pieces = rest.split(/[-‐‑]/)
  const last = pieces[pieces.length - 1]!
  const capital = last.charAt(0) !== last.charAt(0).toLowerCase()
  // "die 80er-Jahre"; "die 8er-Runde", "die 5-Prozent-Hürde": compounds of their noun
  if (er) return decade(query, number, rest) ?? (capital ? headed(query, last, lexicon) : null)
  if (pieces.length > 1) return capital ? headed(query, last, lexicon) : null
  const lower = rest.toLowerCase()
  for (const ending of ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < 3) continue
    const base = lower.slice(0, lower.length - ending.length)
    const suffix = SUFFIXES.get(base)
    if (suffix && !(suffix.adverb && ending)) {
      if (capital) return suffix.noun ? nominalised(query, number, base, suffix.noun) : null
      return adjective(query, number, base, suffix.gloss, suffix.here, suffix.adverb)
    }
    const entry = capital ? null : lexicon.suffixEntry(`…${base}`)
    if (entry)
      return {
        ...adjective(query, number, base, entry.gloss, null),
        source: entry.source,
        entryId: entry.id,
      }
  }
  return capital ? noun(query, number, lexicon) : null
}

/** One noun after a number ("2:0-Sieg", "3:1-Heimerfolg"): the noun itself. */
function noun(query: string, number: string, lexicon: NumberedLexicon): WordInfo | null {
  const info = lexicon.noun(query.slice(number.length + 1))
  if (!info?.lemma) return null
  return { ...info, query, parts: [number, ...(info.parts.length ? info.parts : [info.lemma])] }
}

/**
 * A compound ending in a noun ("5-Prozent-Hürde", "3-Megapixel-Hauptkamera", "des 500-Euro-
 * Scheins"): gender and plural from its noun, read in whatever form it stands.
 */
function headed(query: string, last: string, lexicon: NumberedLexicon): WordInfo | null {
  const head = lexicon.noun(last)
  if (!head?.lemma) return null
  const prefix = query.slice(0, query.length - last.length)
  return {
    ...head,
    query,
    lemma: prefix + head.lemma,
    plural: head.plural ? prefix + head.plural : null,
    genitive: null,
    gloss: head.gloss ? `… ${head.gloss}` : null,
    explanation: null,
    source: 'compound',
    via: 'compound',
    parts: [...prefix.split(/[-‐‑]/).filter(Boolean), head.lemma],
    more: [],
  }
}

const withNumber = (text: string, number: string) => text.replaceAll('…', number)

function adjective(
  query: string,
  number: string,
  base: string,
  gloss: string,
  here: string | null,
  adverb = false,
): WordInfo {
  return {
    ...emptyInfo(query),
    found: true,
    lemma: `…-${base}`,
    pos: adverb ? 'adv' : 'adj',
    gloss,
    explanation: here ? `${query}: ${withNumber(here, number)}.` : null,
    source: null,
    via: 'derived',
    parts: number === '…' ? [] : [number, `…-${base}`],
  }
}

/** "der 30-Jährige" (die 30-Jährigen), "das 4-Fache": as they stand after the article. */
function nominalised(
  query: string,
  number: string,
  base: string,
  noun: NonNullable<Suffix['noun']>,
): WordInfo {
  const lemma = `…-${base.charAt(0).toUpperCase()}${base.slice(1)}e`
  return {
    ...emptyInfo(query),
    found: true,
    lemma,
    pos: 'noun',
    gender: noun.gender,
    article: GENDER_ARTICLE[noun.gender],
    plural: noun.gender === 'n' ? null : `${lemma}n`,
    genitive: `${lemma}n`,
    gloss: noun.gloss,
    explanation: `${query}: ${withNumber(noun.here, number)}.`,
    source: null,
    via: 'derived',
    parts: number === '…' ? [] : [number, `…-${base}`],
  }
}

/** "die 80er-Jahre", "in den 1990er-Jahren": the decade. */
function decade(query: string, number: string, rest: string): WordInfo | null {
  if (!/^Jahren?$/.test(rest)) return null
  const lemma = `${number}er-Jahre`
  const last = `${number.slice(0, -1)}9`
  return {
    ...emptyInfo(query),
    found: true,
    lemma,
    pos: 'noun',
    gender: 'pl',
    article: GENDER_ARTICLE.pl,
    plural: lemma,
    gloss: `the ${number}s (the decade)`,
    explanation: `Die Jahre ${number} bis ${last}${number.length < 4 ? ' eines Jahrhunderts' : ''}.`,
    source: null,
    via: 'derived',
    parts: [`${number}er`, 'Jahre'],
  }
}
