/**
 * German text analysis for search: tokens, folding, stemming, compounds. The same analysis
 * runs when articles are indexed and when queries are read, so that "Sanktionen", "Sanktion"
 * and "SANKTIONEN" meet, "Bär" and "Baer" meet, "Nordkoreas" finds "Nordkorea", and
 * "Atom-Programm" and "Atomprogramm" meet, and so do "Rat·haus" (Leichte Sprache) and "Rathaus".
 */
import { stemmer as snowballGerman } from '@orama/stemmers/german'
import { JOINER, WORD_SOURCE } from '../../../shared/words'

/**
 * Identity of this analysis. Stored with the index: an index built with any other analysis
 * is rebuilt rather than silently read with this one. Bump on every change below.
 */
export const ANALYZER_ID =
  'lesesaal-de/1 snowball-german+german2-digraphs+vowel-genitive-s+hyphen-compounds+reading-dots+stopwords-1+stop-before-1'

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

/**
 * Stopwords by number (from 1), stored with each indexed word's position as the stopword
 * right before it, so that phrases like "in Wien" are checked by positions, not by reading
 * the text. The list only grows at its end: numbers are part of the index.
 */
const STOP_NUMBERS = new Map([...STOPWORDS].map((w, i) => [w, i + 1]))

/** The number of a stopword key (as `tokenize` gives it), or 0. */
export function stopNumber(key: string): number {
  return STOP_NUMBERS.get(key) ?? 0
}

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

// Letters and digits, with inner hyphens (Atom-Programm, Sechs-Parteien-Gespräche) or middle
// dots (Rat·haus): see shared/words.ts
const TOKEN = new RegExp(WORD_SOURCE, 'gu')

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
const NUMBER = /^\p{N}+$/u
const GENITIVE_S = /[aiouy]s$/

/**
 * The index key of one word (without hyphens): the Snowball German stem, umlauts removed.
 * Snowball keeps the genitive -s after a vowel ("Nordkoreas", "Chinas"); it is taken off here.
 */
export function stem(word: string): string {
  let key = cache.get(word)
  if (key !== undefined) return key
  const folded = fold(word)
  if (NUMBER.test(folded)) key = folded
  else {
    key = snowballGerman(folded)
    if (key.includes('ä') || key.includes('ö') || key.includes('ü'))
      key = key.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u')
    if (key.length >= 5 && GENITIVE_S.test(key) && folded.endsWith('s')) key = key.slice(0, -1)
  }
  // distinct word forms of a large archive fit; past that, start over
  if (cache.size >= 1_000_000) cache.clear()
  cache.set(word, key)
  return key
}

/** True when `word` is a stopword. The list holds each word as written and with ss for ß. */
export function isStopword(word: string): boolean {
  const lower = word.toLowerCase()
  return STOPWORDS.has(lower) || (lower.includes('ß') && STOPWORDS.has(lower.replace(/ß/g, 'ss')))
}

/** Splits text into tokens with their keys. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0]
    const start = m.index
    const end = start + raw.length
    if (JOINER.test(raw)) {
      const pieces = raw.split(JOINER).filter(Boolean)
      const parts = pieces.filter((p) => !isStopword(p)).map(stem)
      out.push({ start, end, key: stem(pieces.join('')), stop: false, parts })
    } else {
      const stop = isStopword(raw)
      out.push({ start, end, key: stop ? raw.toLowerCase().replace(/ß/g, 'ss') : stem(raw), stop })
    }
  }
  return out
}

/** Index keys as numbers, for the indexer's hot loop: key <-> id, one table per process. */
const keyIds = new Map<string, number>()
const keyNames: string[] = []

/** The number of an index key (stable for the life of the process, not stored). */
export function keyId(key: string): number {
  let id = keyIds.get(key)
  if (id === undefined) {
    id = keyNames.length
    keyNames.push(key)
    keyIds.set(key, id)
  }
  return id
}

/** The index key of a key number. */
export function keyName(id: number): string {
  return keyNames[id]!
}

/** How many key numbers this thread has given out (the next one's number). */
export function keyCount(): number {
  return keyNames.length
}

// word ids below 0: COMPOUND, or a stopword: STOP - its number (0 for a word too short to index)
const COMPOUND = -1
const STOP = -2
const wordIds = new Map<string, number>()

/**
 * The key number of one token as it stands in the text, STOP for a stopword, COMPOUND for a
 * hyphenated compound (handled by the caller). Cached: a large archive has a few hundred
 * thousand distinct word forms.
 */
function wordId(raw: string): number {
  let id = wordIds.get(raw)
  if (id !== undefined) return id
  id = JOINER.test(raw)
    ? COMPOUND
    : isStopword(raw)
      ? STOP - stopNumber(raw.toLowerCase().replace(/ß/g, 'ss'))
      : stem(raw).length < 2
        ? STOP
        : keyId(stem(raw))
  if (wordIds.size >= 1_000_000) wordIds.clear()
  wordIds.set(raw, id)
  return id
}

/** What a text is indexed under (see `indexPositions`). */
export interface IndexPositions {
  pairs: Float64Array
  /** Indexed words. */
  length: number
}

/** Positions are kept below this (articles are far shorter). */
const MAX_POSITION = 65535

/** A key number and a place (position * 256 + stopword before) packed into one number. */
export const PLACE_SPAN = 2 ** 24

/**
 * What a text is indexed under, as (key number, place) pairs sorted by key then place, packed
 * as key * PLACE_SPAN + place, where a place is position * 256 + the number of the stopword
 * right before the word (0: none). Positions count words from the start, stopwords included,
 * and a paragraph break counts as a gap so phrases do not span paragraphs; the parts of a
 * hyphenated compound share its place. Also returns the number of indexed words.
 */
export function indexPositions(text: string): IndexPositions {
  const pairs: number[] = []
  let pos = 0
  let length = 0
  let before = 0
  let nextBreak = text.indexOf('\n')
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (nextBreak >= 0 && nextBreak < m.index) {
      pos++
      before = 0
      nextBreak = text.indexOf('\n', m.index)
    }
    const place = (pos < MAX_POSITION ? pos : MAX_POSITION) * 256 + before
    const id = wordId(m[0])
    before = 0
    if (id >= 0) {
      pairs.push(id * PLACE_SPAN + place)
      length++
    } else if (id === COMPOUND) {
      const pieces = m[0].split(JOINER).filter(Boolean)
      const whole = stem(pieces.join(''))
      if (whole.length >= 2) pairs.push(keyId(whole) * PLACE_SPAN + place)
      for (const piece of pieces) {
        const k = wordId(piece)
        if (k >= 0) pairs.push(k * PLACE_SPAN + place)
      }
      length++
    } else before = STOP - id
    pos++
  }
  const sorted = Float64Array.from(pairs).sort()
  return { pairs: sorted, length }
}

/** The keys a text is indexed under, in order, repeats included. */
export function indexKeys(text: string): string[] {
  const out: string[] = []
  for (const t of tokenize(text)) {
    if (t.stop || t.key.length < 2) continue
    out.push(t.key)
    if (t.parts) for (const p of t.parts) if (p.length >= 2 && p !== t.key) out.push(p)
  }
  return out
}

const wordKeyLists = new Map<string, readonly string[]>()
const NONE: readonly string[] = []

/**
 * The keys one word of a text matches under: [] for a stopword, [stem] for a word, the whole
 * and its parts for a hyphenated compound. Cached, for highlighting many words quickly.
 */
export function keysOfWord(raw: string): readonly string[] {
  let keys = wordKeyLists.get(raw)
  if (keys) return keys
  if (JOINER.test(raw)) {
    const pieces = raw.split(JOINER).filter(Boolean)
    keys = [stem(pieces.join('')), ...pieces.filter((p) => !isStopword(p)).map(stem)]
  } else keys = isStopword(raw) ? NONE : [stem(raw)]
  if (wordKeyLists.size >= 500_000) wordKeyLists.clear()
  wordKeyLists.set(raw, keys)
  return keys
}

/** Calls `visit` for every word of `text` with its offsets. */
export function eachWord(
  text: string,
  visit: (raw: string, start: number, end: number) => void,
): void {
  // one expression per nesting depth, so a visitor may itself walk words
  const re = (WALKERS[walking] ??= new RegExp(TOKEN.source, 'gu'))
  walking++
  try {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) visit(m[0], m.index, m.index + m[0].length)
  } finally {
    walking--
  }
}
const WALKERS: RegExp[] = []
let walking = 0
