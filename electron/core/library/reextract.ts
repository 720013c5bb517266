/**
 * Re-extraction: articles are extracted again from the raw bytes kept at import, when the
 * extractor improved or the library learned more page furniture.
 *
 * `replaceArticleText` decides what a re-extraction changed: a changed text goes through
 * `updateArticleText` (versions room), which keeps the old text as a version and re-anchors
 * every highlight; changed metadata or subheadings alone are written here.
 */
import { yieldWriteLock } from '../db/yieldLock'
import { UserError } from '../../../shared/result'
import type { ReextractItem, ReextractReport, SourceKind } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Extraction } from '../import/pipeline'
import { updateArticleText } from '../versions/update'
import { findByHash, outletIdFor } from './articles'

interface StoredArticle {
  id: number
  title: string
  kicker: string | null
  outlet: string | null
  published: string | null
  author: string | null
  dateline: string | null
  url: string | null
  words: number
  kind: SourceKind
  name: string | null
  raw: Buffer
  extractorVersion: number
}

function storedArticle(db: Db, id: number): StoredArticle | null {
  return (
    (stmt(
      db,
      `SELECT a.id, a.title, a.kicker, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.published, a.author, a.dateline, a.url,
         a.words, a.source_kind AS kind, a.source_name AS name, a.raw,
         a.extractor_version AS extractorVersion
       FROM articles a WHERE a.id = ?`,
    ).get(id) as StoredArticle | undefined) ?? null
  )
}

function paragraphsOf(db: Db, id: number): string[] {
  return (
    stmt(db, 'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position').all(id) as {
      text: string
    }[]
  ).map((p) => p.text)
}

const FIELDS = ['title', 'kicker', 'outlet', 'published', 'author', 'dateline', 'url'] as const

/**
 * Replaces an article's text and metadata with a new extraction, in one transaction: the
 * metadata row, its paragraphs and its reader comments. The search index follows through its
 * journal. Returns what changed; when the new text equals another article's, nothing is
 * replaced and the result says which article.
 */
export function replaceArticleText(
  db: Db,
  id: number,
  x: Extraction,
  extractorVersion: number,
): ReextractItem {
  return db.transaction((): ReextractItem => {
    const before = storedArticle(db, id)
    if (!before) throw new UserError('not_found', `There is no article ${id} in the library.`)
    const oldParagraphs = paragraphsOf(db, id)
    const a = x.article
    const item: ReextractItem = {
      id,
      title: a.title,
      status: 'unchanged',
      duplicateOf: null,
      error: null,
      fields: FIELDS.filter((f) => (before[f] ?? null) !== (a[f] ?? null)),
      paragraphsBefore: oldParagraphs.length,
      paragraphsAfter: a.paragraphs.length,
      added: a.paragraphs.filter((p) => !oldParagraphs.includes(p)).length,
      removed: oldParagraphs.filter((p) => !a.paragraphs.includes(p)).length,
      wordsBefore: before.words,
      wordsAfter: a.words,
    }
    const other = findByHash(db, x.hash)
    if (other !== null && other !== id) {
      return { ...item, title: before.title, status: 'duplicate', duplicateOf: other }
    }
    const sameText =
      item.added === 0 && item.removed === 0 && oldParagraphs.length === a.paragraphs.length
    if (!sameText) {
      // a changed text goes the one way every text changes (versions room): the old text is
      // kept as a version, and every highlight is re-anchored (an orphan is kept, never dropped)
      updateArticleText(
        db,
        id,
        { article: a, hash: x.hash },
        { reason: 'reextract', extractorVersion },
      )
      return { ...item, status: 'changed' }
    }
    stmt(
      db,
      `UPDATE articles SET title = ?, kicker = ?, outlet_id = ?, published = ?, author = ?,
         dateline = ?, url = ?, words = ?, content_hash = ?, extractor_version = ?
       WHERE id = ?`,
    ).run(
      a.title,
      a.kicker,
      a.outlet ? outletIdFor(db, a.outlet) : null,
      a.published,
      a.author,
      a.dateline,
      a.url,
      a.words,
      x.hash,
      extractorVersion,
      id,
    )
    // paragraphs and comments are rewritten only when the text changed (the search journal
    // then re-indexes the article)
    const headings = new Set(a.headings)
    const oldHeadings = (
      stmt(db, "SELECT position FROM paragraphs WHERE article_id = ? AND kind = 'h'").all(id) as {
        position: number
      }[]
    ).map((r) => r.position)
    const headingsChanged =
      oldHeadings.length !== headings.size || oldHeadings.some((p) => !headings.has(p))
    if (headingsChanged) {
      stmt(db, 'DELETE FROM paragraphs WHERE article_id = ?').run(id)
      const para = stmt(
        db,
        'INSERT INTO paragraphs (article_id, position, kind, text) VALUES (?, ?, ?, ?)',
      )
      a.paragraphs.forEach((text, i) => para.run(id, i, headings.has(i) ? 'h' : 'p', text))
    }
    stmt(db, 'DELETE FROM comments WHERE article_id = ?').run(id)
    const comment = stmt(
      db,
      'INSERT INTO comments (article_id, position, author, posted, title, text) VALUES (?, ?, ?, ?, ?, ?)',
    )
    a.comments.forEach((c, i) => comment.run(id, i, c.author, c.posted, c.title, c.text))
    stmt(
      db,
      'DELETE FROM outlets WHERE id NOT IN (SELECT DISTINCT outlet_id FROM articles WHERE outlet_id IS NOT NULL)',
    ).run()
    const changed = headingsChanged || item.fields.length > 0
    return { ...item, status: changed ? 'changed' : 'unchanged' }
  })()
}

/** How re-extraction reads an article's raw original again. */
export interface Reextractor {
  /** Extracts the stored original (with what the library knows about furniture). */
  extract: (
    raw: Uint8Array,
    kind: SourceKind,
    name: string | null,
    storedTitle: string,
  ) => { x: Extraction; hits: number[] }
  version: number
  /** After an article was replaced (furniture bookkeeping). */
  afterReplace?: (id: number, hits: number[]) => void
}

/** The ids of the articles extracted by an older extractor (or all). */
export function articleIds(db: Db, opts: { outdated: boolean; version: number }): number[] {
  const rows = opts.outdated
    ? stmt(db, 'SELECT id FROM articles WHERE extractor_version < ? ORDER BY id').all(opts.version)
    : stmt(db, 'SELECT id FROM articles ORDER BY id').all()
  return (rows as { id: number }[]).map((r) => r.id)
}

/**
 * Re-extracts articles from their raw originals, one by one, reporting progress; stops early
 * (with what it did so far) when `signal` is aborted. One article that cannot be read fails
 * alone. Runs as a plain async function so a worker can host it.
 *
 * With `index` (the job worker), the articles are written a slice at a time, each slice one
 * transaction that also indexes them (`index` drains the search journal), as an import's
 * chunks are: no other connection ever sees a re-extracted article without its index entries,
 * so none indexes it itself (the app's main thread did, at its next search: up to 4.4 s at
 * 10,000 articles), and another writer waits at most for one slice's writing.
 */
export async function reextractArticles(
  db: Db,
  ids: number[],
  re: Reextractor,
  opts: {
    onProgress?: (done: number, total: number) => void
    signal?: AbortSignal
    /** A cancel readable from synchronous code (a job's shared flag), besides `signal`. */
    cancelled?: () => boolean
    /** Indexes what the slice wrote (drains the search journal), inside its transaction. */
    index?: () => void
    /** Hands an article's index analysis over before its slice is written (see primed.ts). */
    prime?: (x: Extraction) => void
    onCommitted?: () => void
  } = {},
): Promise<ReextractReport> {
  const items: ReextractItem[] = []
  type Read = { id: number; title: string; x?: Extraction; hits?: number[]; error?: unknown }
  // reading and extracting: no lock needed
  const read = (id: number): Read => {
    const stored = storedArticle(db, id)
    if (!stored)
      return { id, title: '', error: new UserError('not_found', `There is no article ${id}.`) }
    try {
      const { x, hits } = re.extract(stored.raw, stored.kind, stored.name, stored.title)
      return { id, title: stored.title, x, hits }
    } catch (error) {
      return { id, title: stored.title, error }
    }
  }
  const write = (r: Read) => {
    try {
      if (r.error !== undefined) throw r.error
      const item = replaceArticleText(db, r.id, r.x!, re.version)
      if (item.status !== 'duplicate') re.afterReplace?.(r.id, r.hits!)
      items.push(item)
    } catch (err) {
      items.push(failedItem(r.id, r.title, err))
    }
  }
  // 40 ms of work between two looks at the event loop (progress, cancel). With indexing, the
  // articles of about half a second are written at once (fewer, larger index segments than
  // smaller slices): they are read, extracted and analysed for the index first, without the
  // write lock, which is then held only for the writing (measured in docs/DECISIONS.md)
  const stepMs = 40
  const readMs = 250
  const stopped = () => opts.signal?.aborted === true || opts.cancelled?.() === true
  const breathe = () => new Promise((r) => setImmediate(r))
  let k = 0
  while (k < ids.length && !stopped()) {
    const sliceStart = performance.now()
    const slice: Read[] = []
    do {
      const stepStart = performance.now()
      do {
        const r = read(ids[k]!)
        k++
        if (!opts.index) write(r)
        else {
          if (r.x) opts.prime?.(r.x)
          slice.push(r)
        }
        opts.onProgress?.(k, ids.length)
      } while (k < ids.length && !stopped() && performance.now() - stepStart < stepMs)
      await breathe()
    } while (opts.index && k < ids.length && !stopped() && performance.now() - sliceStart < readMs)
    if (!opts.index) continue
    db.transaction(() => {
      for (const r of slice) write(r)
      opts.index!()
    }).immediate()
    opts.onCommitted?.()
    await yieldWriteLock()
  }
  return {
    items,
    changed: items.filter((i) => i.status === 'changed').length,
    unchanged: items.filter((i) => i.status === 'unchanged').length,
    failed: items.filter((i) => i.status === 'failed').length,
    cancelled: items.length < ids.length,
  }
}

function failedItem(id: number, title: string, err: unknown): ReextractItem {
  const error =
    err instanceof UserError
      ? { code: err.code, message: err.message }
      : { code: 'internal', message: `Unexpected error: ${(err as Error).message}` }
  return {
    id,
    title,
    status: 'failed',
    duplicateOf: null,
    error,
    fields: [],
    paragraphsBefore: 0,
    paragraphsAfter: 0,
    added: 0,
    removed: 0,
    wordsBefore: 0,
    wordsAfter: 0,
  }
}
