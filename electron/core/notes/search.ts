/**
 * Search over the user's own words: note bodies and highlighted passages, consulted beside
 * the article index (not inside it), so a query finds "in your note". A small inverted index
 * in memory (analyzer keys -> notes), built on the first query after a change; a change by
 * another process on the same file is noticed through SQLite's `data_version`.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'
import { tokenize, type Token } from '../search/analyzer'
import { keyKind, partKeys, TYPED_MIN, type ParsedQuery } from '../search/query'
import { COMPLETIONS } from '../search/terms'
import type { Expansions } from '../search/types'
import { Found, FoundArticles } from './found'
import { noteTokens, phraseAt, type NoteTokens, type PhraseKeys } from './marks'
import { FoundNotes, NO_NOTES, shownWhole, type NoteDoc, type NoteMatches } from './shown'
import { WordParts } from './wordParts'

export type { NoteMatch, NoteMatches } from './shown'

const instances = new WeakMap<Db, NotesSearch>()
const RECHECK_MS = 250
/** Query keys whose notes are kept (see `keyNotes`). */
const KEPT_KEYS = 2000
const EMPTY = new Int32Array(0)

/** The notes search of a library (one per connection). */
export function notesSearchFor(db: Db): NotesSearch {
  let s = instances.get(db)
  if (!s) instances.set(db, (s = new NotesSearch(db)))
  return s
}

export class NotesSearch {
  /** Notes first, then highlights, each newest first: a lower number is a better match. */
  private docs: NoteDoc[] | null = null
  private index = new Map<string, Int32Array>()
  private sortedKeys: string[] = []
  /**
   * Each doc's tokens in text order (stopwords too), their keys as numbers of `keyIds`: for
   * phrases, and for marking a note shown whole without reading its text again.
   */
  private tokens: NoteTokens = noteTokens([], () => 0)
  /** 1 where a doc is shown whole in the results (short, one line). */
  private whole = new Uint8Array(0)
  private keyIds = new Map<string, number>()
  private keyNames: string[] = []
  /** Each doc's article (-1: a story's note), and the highest article number. */
  private articleOf = new Int32Array(0)
  /** Per article: the query that last found it, and its best doc for that query. */
  private foundBy = new Int32Array(0)
  private bestDoc = new Int32Array(0)
  private queryNo = 0
  private dataVersion = -1
  private versionStmt: Statement | null = null
  private checkedAt = 0
  /** The matcher's answer by key number (see `WordParts`). */
  private wordParts = new WordParts([], new Map())
  /** Scratch for unions: one flag per note, all zero between queries. */
  private marks = new Uint8Array(0)
  /**
   * Each query key's notes (the union of its forms' lists), kept while the notes are the same
   * and the key stands for the same terms (the article index hands out one Set per key until
   * it changes): a word typed on or a page turned does not gather its forms again.
   */
  private keyNotes = new Map<
    string,
    { terms: ReadonlySet<string> | undefined; notes: Int32Array }
  >()
  /**
   * The articles the lists of a query's words gave (with or without exclusions), each with
   * its best note: words that thousands of notes hold are not gone through again at the next
   * keystroke, the next page, or when the same words are searched again.
   */
  private foundBefore = new FoundArticles()

  constructor(private readonly db: Db) {}

  /** Forget the index (a note or highlight changed in this process). */
  invalidate(): void {
    this.docs = null
  }

  private load(): NoteDoc[] {
    // another connection (the CLI, a second window) may have changed notes: asked at most
    // every quarter second, not on every keystroke's query
    const now = Date.now()
    if (now - this.checkedAt > RECHECK_MS) {
      this.checkedAt = now
      this.versionStmt ??= this.db.prepare('PRAGMA data_version').pluck()
      const version = this.versionStmt.get() as number
      if (version !== this.dataVersion) {
        this.dataVersion = version
        this.docs = null
      }
    }
    if (this.docs) return this.docs
    const docs = this.db
      .prepare(
        `SELECT 'note' AS kind, coalesce(n.article_id, h.article_id) AS article, n.story_id AS story,
           n.body AS text, n.updated_at AS at
         FROM notes n LEFT JOIN highlights h ON h.id = n.highlight_id
         UNION ALL
         SELECT 'highlight', h.article_id, NULL, h.exact, h.updated_at FROM highlights h
         ORDER BY 1 DESC, 5 DESC`,
      )
      .all() as NoteDoc[]
    const lists = new Map<string, number[]>()
    const keyIds = new Map<string, number>()
    const keyNames: string[] = []
    const idOf = (key: string) => {
      let id = keyIds.get(key)
      if (id === undefined) {
        keyIds.set(key, (id = keyIds.size))
        keyNames.push(key)
      }
      return id
    }
    const perDoc: Token[][] = []
    const whole = new Uint8Array(docs.length)
    const articleOf = new Int32Array(docs.length)
    let maxArticle = 0
    docs.forEach((d, i) => {
      articleOf[i] = d.article ?? -1
      if (d.article !== null && d.article > maxArticle) maxArticle = d.article
      // the keys in text order (stopwords too), for phrases; the set of them, for words
      const tokens = tokenize(d.text)
      perDoc.push(tokens)
      if (shownWhole(d.text)) whole[i] = 1
      const keys = new Set<string>()
      for (const t of tokens) {
        // stopwords count only as words of a phrase (compared in `tokens`)
        if (t.stop || t.key.length < 2) continue
        keys.add(t.key)
        for (const p of t.parts ?? []) if (p.length >= 2) keys.add(p)
      }
      for (const key of keys) {
        const list = lists.get(key)
        if (list) list.push(i)
        else lists.set(key, [i])
      }
    })
    this.tokens = noteTokens(perDoc, idOf)
    this.whole = whole
    this.keyIds = keyIds
    this.keyNames = keyNames
    this.articleOf = articleOf
    this.foundBy = new Int32Array(maxArticle + 1)
    this.bestDoc = new Int32Array(maxArticle + 1)
    this.index = new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]))
    this.sortedKeys = [...lists.keys()].sort()
    this.keyNotes = new Map()
    this.foundBefore = new FoundArticles()
    this.wordParts = new WordParts(keyNames, keyIds)
    this.docs = docs
    return docs
  }

  /**
   * The notes of several ascending lists, ascending, each once: marked in a table as big as
   * the notes (no sorting of the lists' concatenation, which cost more than the rest of a
   * query's notes part for a word with many forms).
   */
  private unionOf(lists: Int32Array[]): Int32Array {
    if (lists.length === 0) return EMPTY
    if (lists.length === 1) return lists[0]!
    const marks = this.scratch()
    let count = 0
    let lo = marks.length
    let hi = -1
    for (const list of lists)
      for (let j = 0; j < list.length; j++) {
        const d = list[j]!
        if (marks[d]) continue
        marks[d] = 1
        count++
        if (d < lo) lo = d
        if (d > hi) hi = d
      }
    const out = new Int32Array(count)
    let k = 0
    for (let d = lo; d <= hi; d++)
      if (marks[d]) {
        marks[d] = 0
        out[k++] = d
      }
    return out
  }

  /** The notes of `hits` that are (or, with `wanted` false, are not) in one of the lists. */
  private keep(hits: ArrayLike<number>, lists: Int32Array[], wanted: boolean): number[] {
    const marks = this.scratch()
    for (const list of lists) for (let j = 0; j < list.length; j++) marks[list[j]!] = 1
    const out: number[] = []
    for (let h = 0; h < hits.length; h++) if ((marks[hits[h]!] === 1) === wanted) out.push(hits[h]!)
    for (const list of lists) for (let j = 0; j < list.length; j++) marks[list[j]!] = 0
    return out
  }

  /** One flag per note, all zero between uses. */
  private scratch(): Uint8Array {
    const n = this.docs!.length
    if (this.marks.length < n) this.marks = new Uint8Array(n)
    return this.marks
  }

  /** The notes one query key stands for, ascending (see `keyNotes`). */
  private notesOf(key: string, expansions: Expansions): Int32Array {
    const terms = key.endsWith('*') ? undefined : expansions.get(key)
    const known = this.keyNotes.get(key)
    if (known && known.terms === terms) return known.notes
    const notes = this.unionOf(this.listsOf(key, expansions))
    if (this.keyNotes.size >= KEPT_KEYS) this.keyNotes.clear()
    this.keyNotes.set(key, { terms, notes })
    return notes
  }

  /** The posting lists one query key stands for (its expansions from the article index too). */
  private listsOf(key: string, expansions: Expansions): Int32Array[] {
    const kind = keyKind(key)
    if (kind.kind === 'prefix')
      return this.keysBeginning(kind.prefix).map((k) => this.index.get(k)!)
    const out: Int32Array[] = []
    const terms = expansions.get(key)
    const own = this.index.get(key)
    if (own) out.push(own)
    if (terms)
      for (const t of terms) {
        const list = t === key ? undefined : this.index.get(t)
        if (list) out.push(list)
      }
    // a word being typed: also the words of the notes it begins (the article index's stand
    // for those of the articles), the most noted first, as many as a typed word takes there
    if (kind.kind === 'typed' && kind.prefix.length >= TYPED_MIN) {
      const begun = this.keysBeginning(kind.prefix).map((k) => this.index.get(k)!)
      begun.sort((x, y) => y.length - x.length)
      for (const list of begun.slice(0, COMPLETIONS)) if (!out.includes(list)) out.push(list)
    }
    return out
  }

  /** The notes' keys that begin with `prefix`, in order. */
  private keysBeginning(prefix: string): string[] {
    const keys = this.sortedKeys
    let lo = 0
    let hi = keys.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (keys[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(keys[i]!)
    return out
  }

  /**
   * The articles of `hits` (ascending notes) whose note holds every phrase, each once, with
   * its first such note as its best (in `bestDoc` until the next call).
   */
  private articlesOf(hits: ArrayLike<number>, phrases: PhraseKeys[]): number[] {
    const { articleOf, foundBy, bestDoc, tokens } = this
    const query = ++this.queryNo
    const articles: number[] = []
    for (let h = 0; h < hits.length; h++) {
      const i = hits[h]!
      const article = articleOf[i]!
      if (article < 0 || foundBy[article] === query) continue
      if (phrases.length && phrases.some((p) => phraseAt(tokens, i, p) < 0)) continue
      foundBy[article] = query
      bestDoc[article] = i
      articles.push(article)
    }
    return articles
  }

  /**
   * The articles whose notes or highlights contain every part of the query (one note must
   * have them all) and none of the excluded ones, each with its best note: notes before
   * highlights, the newest first; `articles` is in that order too. The answer reads the
   * notes as they were when it was asked.
   */
  match(parsed: ParsedQuery, expansions: Expansions): NoteMatches {
    const none = NO_NOTES
    if (!parsed.include.length) return none
    const docs = this.load()
    if (!docs.length) return none
    if (parsed.include.flatMap(partKeys).length > 250) return none
    // the notes that have every key: the rarest key's notes, kept where the other keys' lists
    // have them too. A phrase's words are looked for as they are (their inflections, not the
    // compounds they end), as in the article index
    const perKey: Int32Array[] = []
    for (const part of parsed.include)
      if (part.kind === 'phrase')
        for (const key of partKeys(part)) perKey.push(this.index.get(key) ?? EMPTY)
      else for (const key of part.keys) perKey.push(this.notesOf(key, expansions))
    // a phrase of stopwords alone finds nothing, as in the article index
    if (!perKey.length) return none
    for (const notes of perKey) if (notes.length === 0) return none
    perKey.sort(byLength)
    const excluded: Int32Array[] = []
    for (const part of parsed.exclude)
      for (const key of partKeys(part)) excluded.push(this.notesOf(key, expansions))
    // a phrase counts only where its words stand one after the other (stopwords as typed),
    // compared in each note that has its other words
    const phrases: PhraseKeys[] = []
    for (const [partNo, part] of parsed.include.entries()) {
      if (part.kind !== 'phrase') continue
      const ids = new Int32Array(part.keys.length)
      let anchor = -1
      for (const [j, key] of part.keys.entries()) {
        const id = this.keyIds.get(key)
        if (id === undefined) return none // a word no note has
        ids[j] = id
        if (anchor < 0 && !part.stops?.[j]) anchor = j
      }
      phrases.push({ part: partNo, ids, anchor: Math.max(0, anchor) })
    }
    // in document order (notes before highlights, the newest first): the notes are sorted, so
    // an article's first note is its best. Words without phrases: what their lists gave is
    // kept with the lists (see `foundBefore`)
    const combination = phrases.length ? null : this.foundBefore.keyOf(perKey, excluded)
    let found = combination === null ? undefined : this.foundBefore.get(combination)
    if (!found) {
      let hits: ArrayLike<number> = perKey[0]!
      for (let o = 1; o < perKey.length && hits.length; o++)
        hits = this.keep(hits, [perKey[o]!], true)
      if (excluded.length && hits.length) hits = this.keep(hits, excluded, false)
      found = new Found(this.articlesOf(hits, phrases), this.bestDoc)
      if (combination !== null) this.foundBefore.set(combination, found)
    }
    const { tokens, whole, wordParts } = this
    return new FoundNotes(found, docs, { tokens, whole, wordParts }, phrases)
  }
}

const byLength = (x: Int32Array, y: Int32Array) => x.length - y.length
