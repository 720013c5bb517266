/**
 * Looking words up as a learner clicks them: the exact lemma, a known inflected form, the
 * user's own terms first, then the stem, then a compound split against the lexicon
 * (Sicherheits|garantien -> Sicherheit + s + Garantie, gender and plural from the head).
 */
import {
  GENDER_ARTICLE as ARTICLE,
  type TermMatch,
  type WordContext,
  type WordInfo,
} from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { eachWord, stem } from '../search/analyzer'
import type { SearchIndex } from '../search'
import { entriesFor, getNote, lexiconKey } from './store'

type Entry = ReturnType<typeof entriesFor>[number]['entry']

const SOURCE_RANK = { user: 0, builtin: 1, dict: 2 } as const
const LINKS = ['', 's', 'es', 'n', 'en', 'e', 'er'] as const
/** Endings taken off to find a lemma by its stem ("verhandelte" -> "verhandeln"). */
const ENDINGS = [
  '',
  'e',
  'en',
  'er',
  'es',
  'n',
  's',
  'ern',
  'em',
  'ens',
  'est',
  'st',
  't',
  'te',
  'ten',
  'tet',
  'test',
  'ste',
  'sten',
]
/**
 * Built-in glossary words a reader of German news already knows: they help compound splits
 * and can be looked up, but marking them would underline half of every article. Verbs,
 * adjectives and adverbs of the glossary stay unmarked for the same reason.
 */
const FAMILIAR = new Set(
  `amt anlage armee auge bank bericht besuch bund bürger chef debatte dienst druck energie
  ergebnis erklärung euro export fernsehen freiheit frieden frist front führung gas gebiet
  gefahr gegner gericht gesellschaft gesetz gespräch gewalt grenze handel heimat hilfe hof
  import interesse interview kabel kampf kommentar konferenz kontrolle kraft krieg krise
  kritik lage land liste luft macht markt maßnahme meldung mensch mitglied nachricht öl
  paket partei partner politik polizei position preis presse programm protest prozent
  quelle reaktion recht rede region regierung schaden schulden schutz sender sicherheit
  sitz sitzung staat steuer stimme strafe streit tag teil test tisch treffen unternehmen
  volk wahl wähler wirtschaft zeitung zentrum zettel ziel`.split(/\s+/),
)

function markable(lemmaKey: string, pos: string): boolean {
  return (pos === 'noun' || pos === 'abbr' || pos === 'phrase') && !FAMILIAR.has(lemmaKey)
}

/** Particles of separable verbs, as they close a main clause ("kam … heraus"). */
const PARTICLES = new Set(
  `ab an auf aus bei dar durch ein empor entgegen fest fort frei heim her herab heran heraus
  herbei herein herum herunter hervor hin hinauf hinaus hinein hinzu hoch los mit nach nieder
  statt teil um vor voran voraus vorbei vorweg weg weiter wieder zu zurecht zurück zusammen
  zuvor`.split(/\s+/),
)

/** Conjunctions that join main clauses: a particle before one of them closes its clause. */
const CONJUNCTIONS = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'doch'])

const VOWELS = new Set([...'aeiouyäöü'].map((c) => c.charCodeAt(0)))

const IS_LEMMA = 1
const IS_NOUN = 2
/** The key is the lemma of a noun (not only a form of one). */
const IS_NOUN_LEMMA = 4

interface Part {
  /** The text of the part in the word (lower case). */
  text: string
  /** The lexicon key it stands for (a lemma or a form). */
  key: string
}

interface Split {
  parts: Part[]
  links: string[]
  /** For comparing splits: fewer parts, lemma parts, longer parts, fewer links, no dropped -e. */
  score: [number, number, number, number, number]
}

function better(a: Split, b: Split | null): boolean {
  if (!b) return true
  for (let i = 0; i < a.score.length; i++)
    if (a.score[i] !== b.score[i]) return a.score[i]! > b.score[i]!
  return false
}

function capitalised(word: string): boolean {
  return word[0] !== undefined && word[0] !== word[0].toLowerCase()
}

export class Lexicon {
  /** Every single-word key of the lexicon with flags (lemma or form, noun): for splitting. */
  private known: Map<string, number> | null = null
  private glossary: {
    words: Map<string, { id: number; lemma: string }>
    phrases: Map<string, { keys: string[]; entryId: number; lemma: string }[]>
  } | null = null
  private lookups = new Map<string, WordInfo>()
  private lemmas = new Map<string, string | null>()

  constructor(
    private readonly db: Db,
    private readonly search: SearchIndex,
  ) {}

  /** Loads the word list that compound splits work from (a no-op once loaded). */
  warm(): void {
    try {
      this.knownKeys()
    } catch {
      // the library was closed meanwhile; the next lookup loads it
    }
  }

  /** Forgets the remembered lookups only (the benchmark measures lookups from cold). */
  forgetLookups(): void {
    this.lookups.clear()
    this.lemmas.clear()
  }

  /** Forgets what was derived from the lexicon (after imports and edits). */
  invalidate(): void {
    this.known = null
    this.glossary = null
    this.lookups.clear()
    this.lemmas.clear()
  }

  private knownKeys(): Map<string, number> {
    if (this.known) return this.known
    const known = new Map<string, number>()
    const add = (key: string, flags: number) => {
      if (key.length < 2 || key.includes(' ')) return
      known.set(key, (known.get(key) ?? 0) | flags)
    }
    for (const [key, pos] of stmt(this.db, 'SELECT key, pos FROM lexicon_entries')
      .raw()
      .iterate() as IterableIterator<[string, string]>) {
      add(key, IS_LEMMA | (pos === 'noun' ? IS_NOUN | IS_NOUN_LEMMA : 0))
    }
    for (const [key, pos] of stmt(
      this.db,
      'SELECT f.key, e.pos FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id',
    )
      .raw()
      .iterate() as IterableIterator<[string, string]>) {
      add(key, pos === 'noun' ? IS_NOUN : 0)
    }
    this.known = known
    return known
  }

  /** Entries for a word, best first: user terms, then by how they were found. */
  private find(word: string): { entry: Entry; via: WordInfo['via'] }[] {
    const key = lexiconKey(word)
    const found: { entry: Entry; via: WordInfo['via'] }[] = entriesFor(this.db, key)
    if (found.length === 0 && key.includes('-'))
      found.push(...entriesFor(this.db, key.replace(/-/g, '')))
    if (found.length === 0 && !key.includes(' ')) {
      // the stem: strip an ending (and add an infinitive one) while the Snowball stem stays the same
      const target = stem(key)
      const seen = new Set<string>([key])
      for (const ending of ENDINGS) {
        if (ending && !key.endsWith(ending)) continue
        const base = key.slice(0, key.length - ending.length)
        if (base.length < 3) continue
        for (const candidate of [base, `${base}en`, `${base}n`, `${base}e`]) {
          if (seen.has(candidate)) continue
          seen.add(candidate)
          if (stem(candidate) !== target) continue
          for (const r of entriesFor(this.db, candidate))
            found.push({ entry: r.entry, via: 'stem' })
        }
      }
    }
    const nounFirst = capitalised(word)
    const rank = (r: { entry: Entry; via: WordInfo['via'] }) =>
      SOURCE_RANK[r.entry.source] * 100 +
      (r.via === 'lemma' ? 0 : r.via === 'form' ? 10 : 20) +
      ((r.entry.pos === 'noun') === nounFirst ? 0 : 5)
    return found.sort((a, b) => rank(a) - rank(b))
  }

  /**
   * Splits a compound into lexicon words with linking elements, preferring fewer and longer
   * parts; the last part (the head) must be a noun. Hyphenated words split at the hyphens.
   */
  splitCompound(word: string): { parts: string[]; head: string; headText: string } | null {
    const pieces = word.split(/[-‐‑]/).filter(Boolean)
    if (pieces.length > 1)
      return {
        parts: pieces,
        head: lexiconKey(pieces[pieces.length - 1]!),
        headText: pieces[pieces.length - 1]!,
      }
    const w = lexiconKey(word)
    if (w.length < 6 || w.includes(' ')) return null
    const known = this.knownKeys()
    const headKey = (rest: string): string | null => {
      for (const ending of ['', 's', 'es', 'n', 'en', 'e', 'er', 'ern', 'ns']) {
        if (!rest.endsWith(ending)) continue
        const base = rest.slice(0, rest.length - ending.length)
        if (base.length >= 3 && (known.get(base) ?? 0) & IS_NOUN) return base
      }
      return null
    }
    const memo = new Map<number, Split | null>()
    const best = (i: number): Split | null => {
      if (memo.has(i)) return memo.get(i)!
      let result: Split | null = null
      if (i > 0) {
        const rest = w.slice(i)
        const key = headKey(rest)
        if (key)
          result = {
            parts: [{ text: rest, key }],
            links: [''],
            score: [-1, known.get(key)! & IS_LEMMA ? 0 : -1, rest.length, 0, 0],
          }
      }
      for (let j = i + 3; j <= w.length - 3; j++) {
        const piece = w.slice(i, j)
        let key = piece
        let flags = known.get(piece)
        // "Grenzkontrolle": a modifier may drop its final -e (Grenze)
        if (
          flags === undefined &&
          !VOWELS.has(piece.charCodeAt(piece.length - 1)) &&
          (known.get(`${piece}e`) ?? 0) & IS_LEMMA
        ) {
          key = `${piece}e`
          flags = known.get(key)
        }
        if (flags === undefined) continue
        for (const link of LINKS) {
          if (link && !w.startsWith(link, j)) continue
          const tail = best(j + link.length)
          if (!tail) continue
          const candidate: Split = {
            parts: [{ text: piece, key }, ...tail.parts],
            links: [link, ...tail.links],
            score: [
              tail.score[0] - 1,
              tail.score[1] + (flags & IS_LEMMA ? 0 : -1),
              Math.min(piece.length, tail.score[2]),
              tail.score[3] - (link ? 1 : 0),
              tail.score[4] - (key === piece ? 0 : 1),
            ],
          }
          if (better(candidate, result)) result = candidate
        }
      }
      memo.set(i, result)
      return result
    }
    const split = best(0)
    if (!split || split.parts.length < 2) return null
    // parts as the lexicon writes them ("Sicherheit", "Garantie"), links in between
    const parts: string[] = []
    split.parts.forEach((p, k) => {
      parts.push(this.lemmaOf(p.key) ?? p.text)
      const link = split.links[k]
      if (link && k < split.parts.length - 1) parts.push(link)
    })
    const last = split.parts[split.parts.length - 1]!
    return { parts, head: last.key, headText: word.slice(word.length - last.text.length) }
  }

  /** The lemma a key stands for, as the lexicon writes it (a noun if there is one). */
  private lemmaOf(key: string): string | null {
    const remembered = this.lemmas.get(key)
    if (remembered !== undefined) return remembered
    // a noun lemma is its key capitalised; a word that is a lemma only as another part of
    // speech is written as its key; only inflected forms need the lexicon
    const flags = this.knownKeys().get(key) ?? 0
    if (flags & IS_NOUN_LEMMA) return key.charAt(0).toUpperCase() + key.slice(1)
    if (flags & IS_LEMMA && !(flags & IS_NOUN)) return key
    const lemma =
      (stmt(
        this.db,
        `SELECT lemma FROM (
           SELECT lemma, pos, 0 AS via FROM lexicon_entries WHERE key = @key
           UNION ALL
           SELECT e.lemma, e.pos, 1 AS via FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id
            WHERE f.key = @key)
         ORDER BY pos <> 'noun', via LIMIT 1`,
      )
        .pluck()
        .get({ key }) as string | undefined) ?? null
    if (this.lemmas.size > 20000) this.lemmas.clear()
    this.lemmas.set(key, lemma)
    return lemma
  }

  /**
   * Looks a word up (see the module comment for the order). With the text around it, a verb
   * whose particle closes the clause ("kam … heraus") is explained as the separable verb.
   */
  async lookup(word: string, withOccurrences = true, context?: WordContext): Promise<WordInfo> {
    const query = word.trim()
    const separable = context ? this.separable(query, context) : null
    const cached = separable ? undefined : this.lookups.get(query)
    const info = separable ?? cached ?? this.resolve(query)
    if (!cached && !separable) {
      if (this.lookups.size > 5000) this.lookups.clear()
      this.lookups.set(query, info)
    }
    const note = info.lemma ? getNote(this.db, lexiconKey(info.lemma)) : null
    const occurrences = withOccurrences
      ? await this.occurrences(info.lemma ?? query)
      : { total: 0, articles: [] }
    return { ...info, note, occurrences }
  }

  /**
   * A separable verb in its clause: the word is a finite verb and a particle closes the clause
   * ("Der Streit kam erst spät heraus"), or the word is that particle. Found as a form the
   * dictionary lists ("kam heraus") or as particle + the verb's lemma ("heraus" + "kommen").
   */
  private separable(word: string, context: WordContext): WordInfo | null {
    const { text, offset } = context
    if (offset > text.length) return null
    const before = text.slice(0, offset).search(/[^.!?;:,–—()„“"«»]*$/)
    const afterMatch = /[.!?;:,–—()„“"«»]/.exec(text.slice(offset))
    const clause = text.slice(before, afterMatch ? offset + afterMatch.index : text.length)
    let tokens: { raw: string; start: number }[] = []
    eachWord(clause, (raw, start) => tokens.push({ raw, start: before + start }))
    // "und", "oder", "aber" … between two main clauses end the first one
    const conjunction = (t: { raw: string }) => CONJUNCTIONS.has(t.raw.toLowerCase())
    const mine = tokens.findIndex((t) => t.start === offset)
    const from = tokens.slice(0, mine).findLastIndex(conjunction) + 1
    const to = tokens.slice(mine + 1).findIndex(conjunction)
    tokens = tokens.slice(from, to < 0 ? tokens.length : mine + 1 + to)
    const at = tokens.findIndex((t) => t.start === offset)
    if (at < 0 || tokens.length < 2 || tokens[at]!.raw !== word) return null
    const last = tokens[tokens.length - 1]!
    const particle = lexiconKey(last.raw)
    if (!PARTICLES.has(particle)) return null
    // the verb: the clicked word, or (the particle clicked) a word before it
    const verbs = at === tokens.length - 1 ? tokens.slice(0, -1) : [tokens[at]!]
    for (const verb of verbs) {
      if (verb !== tokens[0] && capitalised(verb.raw)) continue // nouns, not verbs
      const entry = this.separableEntry(lexiconKey(verb.raw), particle)
      if (!entry) continue
      const info = this.resolve(entry.lemma)
      return { ...info, query: word, via: 'separable', separable: `${verb.raw} … ${last.raw}` }
    }
    return null
  }

  private separableEntry(verb: string, particle: string): Entry | null {
    const isVerb = (r: { entry: Entry }) => r.entry.pos === 'verb'
    // the verb itself, without objects: "jdm. etw. vorlegen" -> "vorlegen"
    const bare = (lemma: string) => lexiconKey(lemma).split(' ').pop()!
    const ownParticle = (r: { entry: Entry }) => bare(r.entry.lemma).startsWith(particle)
    const listed = entriesFor(this.db, `${verb} ${particle}`).filter(
      (r) => r.via === 'form' && isVerb(r),
    )
    const exact = listed.find(ownParticle)
    if (exact) return exact.entry
    // the verb's infinitives: verb entries, and forms of verbs ("kam" -> "kommen")
    const infinitives = new Set(
      this.find(verb)
        .filter(isVerb)
        .map((r) => bare(r.entry.lemma)),
    )
    for (const infinitive of infinitives) {
      const whole = entriesFor(this.db, particle + infinitive).find(
        (x) => isVerb(x) && x.via === 'lemma',
      )
      if (whole) return whole.entry
    }
    // a listed form of a synonym ("wies zurück" under "ablehnen; zurückweisen")
    return listed[0]?.entry ?? null
  }

  private resolve(query: string): WordInfo {
    const found = this.find(query)
    const split = this.splitCompound(query)
    const base: WordInfo = {
      query,
      found: false,
      lemma: null,
      pos: null,
      gender: null,
      article: null,
      plural: null,
      genitive: null,
      gloss: null,
      explanation: null,
      domain: null,
      parts: split?.parts ?? [],
      source: null,
      via: null,
      separable: null,
      entryId: null,
      more: [],
      note: null,
      occurrences: { total: 0, articles: [] },
    }
    const more = (skip: number) =>
      found
        .filter((f) => f.entry.id !== skip)
        .slice(0, 8)
        .map((f) => ({
          id: f.entry.id,
          lemma: f.entry.lemma,
          gloss: f.entry.gloss,
          source: f.entry.source,
          pos: f.entry.pos,
        }))
    if (found.length) {
      const { entry, via } = found[0]!
      return {
        ...base,
        found: true,
        lemma: entry.lemma,
        pos: entry.pos,
        gender: entry.gender,
        article: entry.gender ? ARTICLE[entry.gender] : null,
        plural: entry.plural,
        genitive: entry.genitive,
        gloss: entry.gloss,
        explanation: entry.explanation,
        domain: entry.domain,
        source: entry.source,
        via,
        entryId: entry.id,
        more: more(entry.id),
      }
    }
    if (split) {
      // a compound the lexicon does not have: gender and plural from its head
      const head = this.find(split.head).find((f) => f.entry.pos === 'noun')?.entry
      if (head) {
        const prefix = query.slice(0, query.length - split.headText.length)
        const lemma = prefix.endsWith('-') ? prefix + head.lemma : joinCompound(prefix, head.lemma)
        return {
          ...base,
          found: true,
          lemma,
          pos: 'noun',
          gender: head.gender,
          article: head.gender ? ARTICLE[head.gender] : null,
          plural: head.plural
            ? prefix.endsWith('-')
              ? prefix + head.plural
              : joinCompound(prefix, head.plural)
            : null,
          gloss: head.gloss ? `… ${head.gloss}` : null,
          explanation: null,
          domain: head.domain,
          source: 'compound',
          via: 'compound',
          entryId: head.id,
        }
      }
    }
    return base
  }

  /** How often and where a lemma occurs in the library (through the search index). */
  private async occurrences(lemma: string): Promise<WordInfo['occurrences']> {
    const outcome = await this.search.search(lemma.includes(' ') ? `"${lemma}"` : lemma, {}, 5, 0)
    if (outcome.hits.length === 0) return { total: 0, articles: [] }
    const get = stmt(
      this.db,
      'SELECT a.title, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?',
    )
    return {
      total: outcome.total,
      articles: outcome.hits.map((h) => ({
        id: h.articleId,
        ...(get.get(h.articleId) as { title: string; outlet: string | null }),
      })),
    }
  }

  private glossaryIndex() {
    if (this.glossary) return this.glossary
    const words = new Map<string, { id: number; lemma: string }>()
    const phrases = new Map<string, { keys: string[]; entryId: number; lemma: string }[]>()
    const rows = stmt(
      this.db,
      `SELECT e.id, e.lemma, e.key, e.pos, e.source, e.key AS lemmaKey FROM lexicon_entries e WHERE e.source IN ('user', 'builtin')
       UNION ALL SELECT e.id, e.lemma, f.key, e.pos, e.source, e.key FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id WHERE e.source IN ('user', 'builtin')`,
    ).all() as {
      id: number
      lemma: string
      key: string
      pos: string
      source: string
      lemmaKey: string
    }[]
    // own terms come first in the table of a key
    rows.sort(
      (a, b) => (a.source === 'user' ? 0 : 1) - (b.source === 'user' ? 0 : 1) || a.id - b.id,
    )
    for (const r of rows) {
      // everyday words stay unmarked (they can still be looked up); own terms are always marked
      if (r.source !== 'user' && !r.lemmaKey.includes(' ') && !markable(r.lemmaKey, r.pos)) continue
      const keys = r.key.split(' ')
      if (keys.length === 1) {
        if (!words.has(r.key)) words.set(r.key, { id: r.id, lemma: r.lemma })
      } else {
        const list = phrases.get(keys[0]!) ?? []
        list.push({ keys, entryId: r.id, lemma: r.lemma })
        phrases.set(keys[0]!, list)
      }
    }
    for (const list of phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length)
    this.glossary = { words, phrases }
    return this.glossary
  }

  /**
   * The glossary terms in a text (built-in and own entries, multi-word terms like
   * "Vereinte Nationen" or "unter vier Augen" included), for marking them in the reader.
   */
  terms(text: string): TermMatch[] {
    const { words, phrases } = this.glossaryIndex()
    const tokens: { start: number; end: number; key: string }[] = []
    eachWord(text, (raw, start, end) => tokens.push({ start, end, key: raw.toLowerCase() }))
    const out: TermMatch[] = []
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      const candidates = phrases.get(t.key)
      const phrase = candidates?.find((p) =>
        p.keys.every(
          (k, n) =>
            tokens[i + n]?.key === k &&
            (n === 0 || !text.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start).includes('\n')),
        ),
      )
      if (phrase) {
        out.push({
          start: t.start,
          end: tokens[i + phrase.keys.length - 1]!.end,
          lemma: phrase.lemma,
          entryId: phrase.entryId,
        })
        i += phrase.keys.length - 1
        continue
      }
      const term =
        words.get(t.key) ?? (t.key.includes('-') ? words.get(t.key.replace(/-/g, '')) : undefined)
      if (term) out.push({ start: t.start, end: t.end, lemma: term.lemma, entryId: term.id })
    }
    return out
  }

  /**
   * Everything the reader needs of a text: for each word its lemma (a lexicon lemma, an
   * inflected form's lemma, a stem match or a compound's head) and the glossary terms. Works
   * from the in-memory word list; only inflected forms ask the lexicon for their lemma.
   */
  annotate(text: string): {
    words: number
    resolved: number
    compounds: number
    lemmas: (string | null)[]
    terms: TermMatch[]
  } {
    const known = this.knownKeys()
    const seen = new Map<string, { lemma: string | null; compound: boolean }>()
    const lemmas: (string | null)[] = []
    let resolved = 0
    let compounds = 0
    eachWord(text, (raw) => {
      let r = seen.get(raw)
      if (r === undefined) {
        r = this.lemmaOfWord(raw, known)
        seen.set(raw, r)
      }
      lemmas.push(r.lemma)
      if (r.lemma) resolved++
      if (r.compound) compounds++
    })
    return { words: lemmas.length, resolved, compounds, lemmas, terms: this.terms(text) }
  }

  /** A word's lemma by the lookup order, without building a whole WordInfo. */
  private lemmaOfWord(
    raw: string,
    known: Map<string, number>,
  ): { lemma: string | null; compound: boolean } {
    const key = lexiconKey(raw)
    if (known.has(key)) return { lemma: this.lemmaOf(key), compound: false }
    const target = stem(key)
    for (const ending of ENDINGS) {
      if (ending && !key.endsWith(ending)) continue
      const base = key.slice(0, key.length - ending.length)
      if (base.length < 3) continue
      for (const candidate of [base, `${base}en`, `${base}n`, `${base}e`])
        if ((known.get(candidate) ?? 0) & IS_LEMMA && stem(candidate) === target)
          return { lemma: this.lemmaOf(candidate), compound: false }
    }
    const split = this.splitCompound(raw)
    if (!split) return { lemma: null, compound: false }
    const head = this.lemmaOf(split.head)
    if (!head) return { lemma: null, compound: false }
    const prefix = raw.slice(0, raw.length - split.headText.length)
    return {
      lemma: prefix.endsWith('-') ? prefix + head : joinCompound(prefix, head),
      compound: true,
    }
  }
}

/** "Atomwaffen" + "Programm" -> "Atomwaffenprogramm". */
function joinCompound(prefix: string, head: string): string {
  return prefix + head.charAt(0).toLowerCase() + head.slice(1)
}
