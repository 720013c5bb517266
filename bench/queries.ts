/**
 * The benchmark's queries: timing queries of five kinds, lemmas with hand-written inflection
 * patterns for morphological recall and precision, and known-item queries for ranking.
 */
import { STOPWORDS } from '../electron/core/search/analyzer'
import { rng, type BenchArticle } from './corpus'

export interface TimedQuery {
  kind: 'word' | 'inflected' | 'and' | 'phrase' | 'prefix'
  /** Lesesaal syntax. */
  query: string
  /** The same query in FTS5 MATCH syntax. */
  fts: string
}

const q = (kind: TimedQuery['kind'], query: string, fts: string): TimedQuery => ({
  kind,
  query,
  fts,
})

/** At least 60 queries: single words, inflected forms, two-word AND, phrases, prefixes. */
export const TIMED_QUERIES: TimedQuery[] = [
  ...[
    'Regierung',
    'Polizei',
    'Flüchtlinge',
    'Wien',
    'Euro',
    'Kanzler',
    'Präsident',
    'Wahl',
    'Krieg',
    'Schule',
    'Bank',
    'Gericht',
    'Spieler',
    'Trainer',
    'Unternehmen',
    'Studie',
  ].map((w) => q('word', w, `"${w}"`)),
  ...[
    'Sanktionen',
    'Gesprächen',
    'Parteien',
    'Verträge',
    'Gesetzes',
    'Ministers',
    'Wahlen',
    'Kriegs',
    'Banken',
    'Gerichts',
    'Spielern',
    'Präsidenten',
    'Flüchtlings',
    'Schulen',
  ].map((w) => q('inflected', w, `"${w}"`)),
  ...[
    ['Regierung', 'Flüchtlinge'],
    ['Polizei', 'Wien'],
    ['Präsident', 'Wahl'],
    ['Euro', 'Bank'],
    ['Krieg', 'Syrien'],
    ['Gericht', 'Urteil'],
    ['Trainer', 'Spiel'],
    ['Schule', 'Kinder'],
    ['Studie', 'Forscher'],
    ['Kanzler', 'Koalition'],
    ['Unternehmen', 'Gewinn'],
    ['Minister', 'Gesetz'],
  ].map(([a, b]) => q('and', `${a} ${b}`, `"${a}" AND "${b}"`)),
  ...[
    'Vereinten Nationen',
    'Europäische Union',
    'künstliche Intelligenz',
    'in Wien',
    'der Polizei',
    'Donald Trump',
    'die Grünen',
    'erneuerbare Energie',
    'am Montag',
    'der Regierung',
  ].map((p) => q('phrase', `"${p}"`, `"${p}"`)),
  ...[
    'Flücht',
    'Regier',
    'Wirtschaft',
    'Polit',
    'Klima',
    'Sanktion',
    'Präsid',
    'Terror',
    'Digital',
    'Fußball',
  ].map((p) => q('prefix', `${p}*`, `"${p}"*`)),
]

export interface Lemma {
  lemma: string
  /** Inflected forms, also as the head of a compound ("Wirtschaftssanktionen"). */
  pattern: RegExp
}

const head = (forms: string) => new RegExp(`(?<![\\p{L}])\\p{L}*(?:${forms})(?![\\p{L}])`, 'iu')

/** Lemmas and the inflected forms a German reader would count as "this word". */
export const LEMMAS: Lemma[] = [
  { lemma: 'Sanktion', pattern: head('sanktion|sanktionen') },
  { lemma: 'Flüchtling', pattern: head('flüchtling|flüchtlinge|flüchtlingen|flüchtlings') },
  { lemma: 'Partei', pattern: head('partei|parteien') },
  { lemma: 'Gespräch', pattern: head('gespräch|gespräche|gesprächen|gesprächs|gespräches') },
  { lemma: 'Präsident', pattern: head('präsident|präsidenten') },
  { lemma: 'Vertrag', pattern: head('vertrag|vertrags|vertrages|verträge|verträgen') },
  { lemma: 'Gesetz', pattern: head('gesetz|gesetzes|gesetze|gesetzen') },
  { lemma: 'Krieg', pattern: head('krieg|kriegs|krieges|kriege|kriegen') },
  { lemma: 'Polizist', pattern: head('polizist|polizisten') },
  { lemma: 'Minister', pattern: head('minister|ministers|ministern') },
  { lemma: 'Unternehmen', pattern: head('unternehmen|unternehmens') },
  { lemma: 'Schule', pattern: head('schule|schulen') },
]

export interface KnownItem {
  family: number
  query: string
  fts: string
}

/**
 * Known-item queries: 3–4 content words from one article. With scaled corpora an article's
 * shuffled copies contain the same words, so any article of the same family counts as the
 * known item.
 */
export function knownItems(articles: BenchArticle[], count: number): KnownItem[] {
  const random = rng(42)
  const originals = articles.filter((a, i) => a.family === i)
  const out: KnownItem[] = []
  while (out.length < count) {
    const a = originals[Math.floor(random() * originals.length)]!
    const words = [...new Set(a.paragraphs.join(' ').match(/\p{L}{5,}/gu) ?? [])].filter(
      (w) => !STOPWORDS.has(w.toLowerCase()),
    )
    if (words.length < 8) continue
    const n = 3 + Math.floor(random() * 2)
    const picked: string[] = []
    while (picked.length < n) {
      const w = words[Math.floor(random() * words.length)]!
      if (!picked.includes(w)) picked.push(w)
    }
    out.push({
      family: a.family,
      query: picked.join(' '),
      fts: picked.map((w) => `"${w}"`).join(' '),
    })
  }
  return out
}

/** Queries typed letter by letter, umlauts first in a word included ("Ö" of "Österreich"). */
export const TYPED_QUERIES = [
  'Flüchtlinge Österreich',
  'Ärzte Krankenhaus',
  'Übergriffe Köln',
  'Regierung Wien',
  'Wirtschaft Zölle',
]

export interface Keystroke {
  /** What the search field holds after the keystroke. */
  typed: string
  /** What the app sends: the text trimmed, the last word as typed unless a space follows. */
  query: string
  asYouType: boolean
  /** The same for FTS5: the words so far, the last one as a prefix while typed. */
  fts: string
}

/** Every keystroke of the typed queries (a space alone sends nothing new and is left out). */
export function keystrokes(queries = TYPED_QUERIES): Keystroke[] {
  const out: Keystroke[] = []
  for (const q of queries)
    for (let i = 1; i <= q.length; i++) {
      const typed = q.slice(0, i)
      if (/\s$/.test(typed)) continue
      const words = typed.trim().split(/\s+/)
      out.push({
        typed,
        query: typed.trim(),
        asYouType: true,
        fts: words
          .map((w, k) => `"${w.replace(/"/g, '')}"${k === words.length - 1 ? '*' : ''}`)
          .join(' '),
      })
    }
  return out
}
