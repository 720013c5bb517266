/**
 * Search over the user's own words: note bodies and highlighted passages, consulted beside
 * the article index (not inside it), so a query finds "in your note". A small inverted index
 * in memory (analyzer keys -> notes), built on the first query after a change; a change by
 * another process on the same file is noticed through SQLite's `data_version`.
 */
import type { Statement } from 'better-sqlite3'
import type { SearchHit } from '../../../shared/types'
import type { Db } from '../db/open'
import { tokenize } from '../search/analyzer'
import { partKeys, type ParsedQuery, type QueryPart } from '../search/query'
import { bestSnippet, makeMatcher, matchRanges, type Matcher } from '../search/snippet'

/** One searchable text of the user's: a note, or the words of a highlight. */
interface NoteDoc {
  kind: 'note' | 'highlight'
  article: number | null
  story: number | null
  text: string
  at: string
}

/** What a result shows about a match in the user's notes. */
export type NoteMatch = NonNullable<SearchHit['note']>

const instances = new WeakMap<Db, NotesSearch>()
const RECHECK_MS = 250

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
  private sequences: string[][] = []
  private dataVersion = -1
  private versionStmt: Statement | null = null
  private checkedAt = 0

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
    const sequences: string[][] = []
    docs.forEach((d, i) => {
      // the keys in text order (stopwords too), for phrases; the set of them, for words
      const tokens = tokenize(d.text)
      sequences.push(tokens.map((t) => t.key))
      const keys = new Set<string>()
      for (const t of tokens) {
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
    this.sequences = sequences
    this.index = new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]))
    this.sortedKeys = [...lists.keys()].sort()
    this.docs = docs
    return docs
  }

  /** The posting lists one query key stands for (its expansions from the article index too). */
  private listsOf(key: string, expansions: Map<string, Set<string>>): Int32Array[] {
    const out: Int32Array[] = []
    if (key.endsWith('*')) {
      const prefix = key.slice(0, -1)
      let lo = 0
      let hi = this.sortedKeys.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (this.sortedKeys[mid]! < prefix) lo = mid + 1
        else hi = mid
      }
      for (let i = lo; i < this.sortedKeys.length && this.sortedKeys[i]!.startsWith(prefix); i++)
        out.push(this.index.get(this.sortedKeys[i]!)!)
      return out
    }
    const terms = expansions.get(key)
    const own = this.index.get(key)
    if (own) out.push(own)
    if (terms)
      for (const t of terms) {
        const list = t === key ? undefined : this.index.get(t)
        if (list) out.push(list)
      }
    return out
  }

  /**
   * The articles whose notes or highlights contain every part of the query (one note must
   * have them all) and none of the excluded ones, each with its best note: notes before
   * highlights, the newest first; the map is in that order too.
   */
  match(
    parsed: ParsedQuery,
    expansions: Map<string, Set<string>>,
  ): Map<number, { doc: NoteDoc; matcher: Matcher }> {
    const out = new Map<number, { doc: NoteDoc; matcher: Matcher }>()
    if (!parsed.include.length) return out
    const docs = this.load()
    if (!docs.length) return out
    const keys = parsed.include.flatMap(partKeys)
    if (keys.length > 250) return out
    // the notes that have every key: the rarest key's notes, then only those are looked up
    // in the other keys' lists (each list is in note order, so a lookup is a binary search)
    const perKey = keys.map((key) => this.listsOf(key, expansions))
    if (perKey.some((lists) => lists.length === 0)) return out
    const size = (lists: Int32Array[]) => lists.reduce((n, l) => n + l.length, 0)
    const order = perKey.map((lists, k) => ({ k, n: size(lists) })).sort((x, y) => x.n - y.n)
    let hits = unionOf(perKey[order[0]!.k]!)
    for (let o = 1; o < order.length && hits.length; o++) {
      const lists = perKey[order[o]!.k]!
      hits = hits.filter((d) => lists.some((l) => contains(l, d)))
    }
    if (parsed.exclude.length && hits.length) {
      const excluded = parsed.exclude.flatMap((part) =>
        partKeys(part).flatMap((key) => this.listsOf(key, expansions)),
      )
      hits = hits.filter((d) => !excluded.some((l) => contains(l, d)))
    }
    // in document order (notes before highlights, the newest first): `hits` is sorted
    const phrases = parsed.include.filter((p) => p.kind === 'phrase')
    let matcher: Matcher | null = null
    for (const i of hits) {
      const doc = docs[i]!
      if (doc.article === null || out.has(doc.article)) continue
      // a phrase counts only where its words stand one after the other (stopwords as typed)
      if (phrases.some((p) => !hasPhrase(this.sequences[i]!, p, expansions))) continue
      matcher ??= makeMatcher(parsed, expansions)
      out.set(doc.article, { doc, matcher })
    }
    return out
  }
}

/** The notes of several ascending lists, ascending, each once. */
function unionOf(lists: Int32Array[]): number[] {
  if (lists.length === 1) return Array.from(lists[0]!)
  const all = lists.flatMap((l) => Array.from(l)).sort((a, b) => a - b)
  return all.filter((d, i) => i === 0 || all[i - 1] !== d)
}

/** Whether an ascending list holds a note. */
function contains(list: Int32Array, d: number): boolean {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]! < d) lo = mid + 1
    else hi = mid
  }
  return lo < list.length && list[lo] === d
}

/** Whether a note's keys (in text order) hold the phrase's keys one after the other. */
function hasPhrase(
  sequence: readonly string[],
  phrase: QueryPart,
  expansions: Map<string, Set<string>>,
): boolean {
  const want = phrase.keys
  const fits = (j: number, key: string) =>
    key === want[j] || (!phrase.stops?.[j] && (expansions.get(want[j]!)?.has(key) ?? false))
  for (let i = 0; i + want.length <= sequence.length; i++) {
    let j = 0
    while (j < want.length && fits(j, sequence[i + j]!)) j++
    if (j === want.length) return true
  }
  return false
}

/** Notes up to this long are shown whole; longer ones by their best passage. */
const WHOLE_NOTE = 220

/** The passage of a note that shows the match, for the result list. */
export function noteSnippet(m: { doc: NoteDoc; matcher: Matcher }): NoteMatch {
  const text = m.doc.text
  if (text.length <= WHOLE_NOTE && !text.includes('\n'))
    return { from: m.doc.kind, snippet: text, highlights: matchRanges(text, m.matcher) }
  const paragraphs = text.includes('\n') ? text.split(/\n+/).filter((p) => p.trim()) : [text]
  const s = bestSnippet(paragraphs, m.matcher, 160) ?? { text: paragraphs[0] ?? '', highlights: [] }
  return { from: m.doc.kind, snippet: s.text, highlights: s.highlights }
}
