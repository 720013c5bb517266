/**
 * The one path by which an article's text changes: a newer version (same URL at import, or
 * `article.update`) and re-extraction from the stored original alike. The article keeps its
 * id, tags, notes and highlights; the text it had becomes a version; every highlight is
 * re-anchored (an orphan is kept, never dropped).
 */
import type { SourceKind } from '../../../shared/types'
import type { ArticleUpdate } from '../../../shared/contract/versions'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { ExtractedArticle } from '../import/extract'
import { findByHash, outletIdFor } from '../library/articles'
import { articleText } from '../library/text'
import { highlightRowsOf, storeAnchoring } from '../notes/highlights'
import { reanchor } from '../notes/anchor'
import { notesSearchFor } from '../notes/search'
import { countChanges, diffTexts } from './diff'
import { offsetMap } from './offsets'
import { articleWithEarlierText, articleWithUrl, currentTextSince, currentVersion } from './store'

/** A new text for an article: what extraction produced. */
export interface NewArticleText {
  article: Omit<ExtractedArticle, 'removed'> & { removed?: unknown }
  hash: string
  /** Set when the text comes from a new original (an update), not re-extraction. */
  kind?: SourceKind
  encoding?: string | null
}

export interface UpdateOptions {
  /** `update`: a newer text from outside; `reextract`: the stored original extracted again. */
  reason: 'update' | 'reextract'
  /** The new original's bytes (an update); re-extraction keeps the stored one. */
  raw?: Uint8Array
  sourceName?: string | null
  extractorVersion: number
}

interface CurrentRow {
  title: string
  kicker: string | null
  outlet_id: number | null
  published: string | null
  author: string | null
  dateline: string | null
  url: string | null
  words: number
  content_hash: string
  source_kind: SourceKind
  source_name: string | null
  raw: Buffer
  raw_encoding: string | null
  extractor_version: number
}

/**
 * Replaces the text of article `id`, keeping the old one as a version and re-anchoring every
 * highlight, in one transaction. Metadata the new text lacks (an update without a byline)
 * keeps the old value; re-extraction takes the new values as they are.
 */
export function updateArticleText(
  db: Db,
  id: number,
  next: NewArticleText,
  options: UpdateOptions,
): ArticleUpdate {
  return db.transaction((): ArticleUpdate => {
    const cur = stmt(
      db,
      `SELECT title, kicker, outlet_id, published, author, dateline, url, words, content_hash,
         source_kind, source_name, raw, raw_encoding, extractor_version FROM articles WHERE id = ?`,
    ).get(id) as CurrentRow | undefined
    if (!cur) throw new UserError('not_found', `There is no article ${id} in the library.`)
    const oldParas = stmt(
      db,
      'SELECT position, kind, text FROM paragraphs WHERE article_id = ? ORDER BY position',
    ).all(id) as { position: number; kind: 'p' | 'h'; text: string }[]
    const oldTexts = oldParas.map((p) => p.text)
    const a = next.article
    const version = currentVersion(db, id)
    const sameText = a.paragraphs.join('\u0000') === oldTexts.join('\u0000')
    if (sameText) {
      if (options.reason === 'reextract') writeArticle(db, id, cur, next, options)
      const n = highlightRowsOf(db, id)
      return {
        id,
        version,
        unchanged: true,
        changed: { added: 0, removed: 0, changed: 0 },
        highlights: {
          anchored: n.filter((h) => h.status !== 'orphan').length,
          moved: 0,
          orphan: n.filter((h) => h.status === 'orphan').length,
        },
      }
    }
    const other = findByHash(db, next.hash)
    if (other !== null && other !== id)
      throw new UserError(
        'invalid_input',
        `That text is already in the library as article ${other}; it cannot also be a version of ${id}.`,
      )

    // the text the article had becomes version `version`
    const now = new Date().toISOString()
    const versionId = Number(
      stmt(
        db,
        `INSERT INTO article_versions (article_id, version, title, kicker, published, author, dateline,
           url, words, content_hash, source_kind, source_name, raw, raw_encoding, extractor_version,
           imported_at, replaced_at, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        version,
        cur.title,
        cur.kicker,
        cur.published,
        cur.author,
        cur.dateline,
        cur.url,
        cur.words,
        cur.content_hash,
        cur.source_kind,
        cur.source_name,
        cur.raw,
        cur.raw_encoding,
        cur.extractor_version,
        currentTextSince(db, id) ?? now,
        now,
        options.reason,
      ).lastInsertRowid,
    )
    const keep = stmt(
      db,
      'INSERT INTO article_version_paragraphs (version_id, position, kind, text) VALUES (?, ?, ?, ?)',
    )
    for (const p of oldParas) keep.run(versionId, p.position, p.kind, p.text)

    writeArticle(db, id, cur, next, options)
    stmt(db, 'DELETE FROM paragraphs WHERE article_id = ?').run(id)
    const headings = new Set(a.headings)
    const para = stmt(
      db,
      'INSERT INTO paragraphs (article_id, position, kind, text) VALUES (?, ?, ?, ?)',
    )
    a.paragraphs.forEach((text, i) => para.run(id, i, headings.has(i) ? 'h' : 'p', text))
    // reader comments: the newer page's, when it has any (re-extraction: always its own)
    if (a.comments.length || options.reason === 'reextract') {
      stmt(db, 'DELETE FROM comments WHERE article_id = ?').run(id)
      const comment = stmt(
        db,
        'INSERT INTO comments (article_id, position, author, posted, title, text) VALUES (?, ?, ?, ?, ?, ?)',
      )
      a.comments.forEach((c, i) => comment.run(id, i, c.author, c.posted, c.title, c.text))
    }

    const oldText = articleText(oldTexts)
    const newText = articleText(a.paragraphs)
    const highlights = reanchorAll(db, id, oldTexts, a.paragraphs)
    notesSearchFor(db).invalidate()
    return {
      id,
      version: version + 1,
      unchanged: false,
      changed: countChanges(diffTexts(oldText, newText)),
      highlights,
    }
  })()
}

function writeArticle(
  db: Db,
  id: number,
  cur: CurrentRow,
  next: NewArticleText,
  options: UpdateOptions,
): void {
  const a = next.article
  const update = options.reason === 'update'
  // an update keeps what the newer page does not say; re-extraction believes the extractor
  const pick = <T>(fresh: T | null, old: T | null): T | null => (update ? (fresh ?? old) : fresh)
  const outlet = a.outlet ? outletIdFor(db, a.outlet) : update ? cur.outlet_id : null
  stmt(
    db,
    `UPDATE articles SET title = ?, kicker = ?, outlet_id = ?, published = ?, author = ?, dateline = ?,
       url = ?, words = ?, content_hash = ?, source_kind = ?, source_name = ?, raw = ?, raw_encoding = ?,
       extractor_version = ? WHERE id = ?`,
  ).run(
    a.title,
    pick(a.kicker, cur.kicker),
    outlet,
    pick(a.published, cur.published),
    pick(a.author, cur.author),
    pick(a.dateline, cur.dateline),
    a.url ?? cur.url,
    a.words,
    next.hash,
    next.kind && update ? next.kind : cur.source_kind,
    update ? (options.sourceName ?? cur.source_name) : cur.source_name,
    options.raw ? Buffer.from(options.raw) : cur.raw,
    update && next.encoding !== undefined ? next.encoding : cur.raw_encoding,
    options.extractorVersion,
    id,
  )
  stmt(
    db,
    'DELETE FROM outlets WHERE id NOT IN (SELECT DISTINCT outlet_id FROM articles WHERE outlet_id IS NOT NULL)',
  ).run()
}

/**
 * Re-anchors every highlight of an article after its text went from `before` to `after`
 * (paragraphs); returns how many stayed, moved and became orphans. Inside the caller's
 * transaction. Exported for the benchmark and for re-extraction.
 */
export function reanchorAll(
  db: Db,
  id: number,
  before: readonly string[],
  after: readonly string[],
): ArticleUpdate['highlights'] {
  const text = articleText(after)
  const map = offsetMap(before, after)
  const counts = { anchored: 0, moved: 0, orphan: 0 }
  for (const h of highlightRowsOf(db, id)) {
    const old = {
      exact: h.exact,
      prefix: h.prefix,
      suffix: h.suffix,
      start: h.start_pos,
      end: h.end_pos,
    }
    const r = reanchor(text, old, map)
    counts[r.status]++
    const s = r.selectors
    // most highlights stay where they were: nothing to write
    const same =
      r.status === h.status &&
      s.start === h.start_pos &&
      s.end === h.end_pos &&
      s.exact === h.exact &&
      s.prefix === h.prefix &&
      s.suffix === h.suffix
    if (same) continue
    const changedWords = r.status !== 'orphan' && s.exact !== h.exact
    storeAnchoring(db, h.id, r.status, s, changedWords ? (h.quote_before ?? h.exact) : null)
  }
  return counts
}

/**
 * At import: a text whose URL is already in the library is that article's newer version
 * (its id, notes and highlights stay). A text that was once an earlier version of an article
 * is reported as that article (a duplicate), not made the newest again. Null: a new article.
 */
export function importAsNewerVersion(
  db: Db,
  next: NewArticleText,
  options: Omit<UpdateOptions, 'reason'>,
): { id: number; update: ArticleUpdate } | { duplicateOf: number } | null {
  const earlier = articleWithEarlierText(db, next.hash)
  if (earlier !== null) return { duplicateOf: earlier }
  const id = next.article.url ? articleWithUrl(db, next.article.url) : null
  if (id === null) return null
  return { id, update: updateArticleText(db, id, next, { ...options, reason: 'update' }) }
}
