/**
 * German text analysis for search: tokens, folding, stemming, compounds. The same analysis
 * runs when articles are indexed and when queries are read, so that "Sanktionen", "Sanktion"
 * and "SANKTIONEN" meet, "Bär" and "Baer" meet, "Nordkoreas" finds "Nordkorea", and
 * "Atom-Programm" and "Atomprogramm" meet.
 */
import { stemmer as snowballGerman } from '@orama/stemmers/german'

/**
 * Identity of this analysis. Stored with the index: an index built with any other analysis
 * is rebuilt rather than silently read with this one. Bump on every change below.
 */
export const ANALYZER_ID =
  'lesesaal-de/1 snowball-german+german2-digraphs+vowel-genitive-s+hyphen-compounds+stopwords-1'

/** Common German function words: they carry no meaning for search and are not indexed. */
export const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen kein keine keinen keinem keiner ' +
    'und oder aber sondern denn doch als wie wenn dass ob weil da damit zu zum zur im in ins am an auf ' +
    'aus bei beim mit nach von vom vor über ueber unter um durch für fuer gegen ohne bis seit während ' +
    'waehrend wegen trotz ist sind war waren wird werden wurde wurden worden sei seien sein hat haben ' +
    'hatte hatten habe hätte hätten kann können konnte konnten muss müssen musste soll sollen sollte ' +
    'will wollen wollte nicht auch noch schon nur so es er sie ich wir ihr du man sich seine seiner ' +
    'seinen seinem seines ihre ihrem ihren ihres ihrer ihm ihn ihnen uns unser unsere euch dies diese ' +
    'dieser dieses diesem diesen jener jene hier dort dann mehr sehr bereits sowie etwa nun alle allen ' +
    'aller alles was wer wo wann warum welche welcher welches welchen welchem zwischen nicht ja nein ' +
    'also eben immer wieder man mal sonst sowohl weder noch zudem jedoch denen deren dessen selbst ' +
    'so wo ab'
  )
    .split(/\s+/)
    .map((w) => w.replace(/ß/g, 'ss')),
)

/** One token of a text: where it is, and the key it is indexed under. */
export interface Token {
  /** Offsets in the original text (UTF-16), for highlighting. */
  start: number
  end: number
  /** The index key (stem); for a stopword its folded form. */
  key: string
  stop: boolean
  /** Keys of the parts of a hyphenated compound ("atom", "programm" for "Atom-Programm"). */
  parts?: string[]
}

// Letters and digits, with inner hyphens (Atom-Programm, Sechs-Parteien-Gespräche).
const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu

/** Lower-case, NFC, ß -> ss, and the "german2" digraphs: ae/oe/ue as ä/ö/ü (not "que"). */
export function fold(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .replace(/(?<!q)ue/g, 'ü')
}

const cache = new Map<string, string>()

/**
 * The index key of one word (without hyphens): the Snowball German stem, umlauts removed.
 * Snowball keeps the genitive -s after a vowel ("Nordkoreas", "Chinas"); it is taken off here.
 */
export function stem(word: string): string {
  let key = cache.get(word)
  if (key !== undefined) return key
  const folded = fold(word)
  if (/^\p{N}+$/u.test(folded)) key = folded
  else {
    key = snowballGerman(folded).replace(/[äöü]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u' })[c]!)
    if (key.length >= 5 && /[aiouy]s$/.test(key) && folded.endsWith('s')) key = key.slice(0, -1)
  }
  if (cache.size > 200_000) cache.clear()
  cache.set(word, key)
  return key
}

/** True when `word` is a stopword. */
export function isStopword(word: string): boolean {
  return (
    STOPWORDS.has(fold(word).replace(/[äöü]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue' })[c]!)) ||
    STOPWORDS.has(word.toLowerCase().replace(/ß/g, 'ss'))
  )
}

/** Splits text into tokens with their keys. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0]
    const start = m.index
    const end = start + raw.length
    if (/[-‐‑]/.test(raw)) {
      const pieces = raw.split(/[-‐‑]/).filter(Boolean)
      const parts = pieces.filter((p) => !isStopword(p)).map(stem)
      out.push({ start, end, key: stem(pieces.join('')), stop: false, parts })
    } else {
      const stop = isStopword(raw)
      out.push({ start, end, key: stop ? raw.toLowerCase().replace(/ß/g, 'ss') : stem(raw), stop })
    }
  }
  return out
}

/** The keys a text is indexed under, in order, repeats included (for term frequencies). */
export function indexKeys(text: string): string[] {
  const keys: string[] = []
  for (const t of tokenize(text)) {
    if (t.stop || t.key.length < 2) continue
    keys.push(t.key)
    if (t.parts) for (const p of t.parts) if (p.length >= 2 && p !== t.key) keys.push(p)
  }
  return keys
}
