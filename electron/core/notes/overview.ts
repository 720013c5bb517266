/**
 * The notes overview: every highlight (with its note) and every note that stands alone (on an
 * article, a story, a word), most recently changed first, filtered by article, tag, colour,
 * outlet, story, status and kind, one page at a time.
 */
import type {
  HighlightColor,
  HighlightStatus,
  NoteListItem,
  NotesFacets,
} from '../../../shared/contract/notes'
import type { Db } from '../db/open'
import { toHighlights, HIGHLIGHT_COLUMNS, type HighlightRow } from './highlights'
import { toNotes, type NoteRow } from './notes'

export interface NotesFilter {
  article: number | null
  tag: string | null
  color: HighlightColor | null
  outlet: string | null
  story: number | null
  status: HighlightStatus | null
  kind: 'highlight' | 'note' | null
}

const TAGGED_HIGHLIGHT = `(h.id IN (SELECT x.highlight_id FROM highlight_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name = @tag)
  OR n.id IN (SELECT x.note_id FROM note_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name = @tag))`
const TAGGED_NOTE = `n.id IN (SELECT x.note_id FROM note_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name = @tag)`
const OF_OUTLET = `(SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = @outlet)`
const IN_STORY = `(SELECT article_id FROM story_articles WHERE story_id = @story)`

function itemsSql(f: NotesFilter): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {}
  const h: string[] = []
  const n: string[] = ['n.highlight_id IS NULL']
  if (f.article !== null) {
    h.push('h.article_id = @article')
    n.push('n.article_id = @article')
    params.article = f.article
  }
  if (f.tag) {
    h.push(TAGGED_HIGHLIGHT)
    n.push(TAGGED_NOTE)
    params.tag = f.tag
  }
  if (f.outlet) {
    h.push(`h.article_id IN ${OF_OUTLET}`)
    n.push(`n.article_id IN ${OF_OUTLET}`)
    params.outlet = f.outlet
  }
  if (f.story !== null) {
    h.push(`h.article_id IN ${IN_STORY}`)
    n.push(`(n.story_id = @story OR n.article_id IN ${IN_STORY})`)
    params.story = f.story
  }
  if (f.color) {
    h.push('h.color = @color')
    params.color = f.color
  }
  if (f.status) {
    h.push('h.status = @status')
    params.status = f.status
  }
  const withHighlights = f.kind !== 'note'
  // colour and status belong to highlights: a filter on them leaves no stand-alone notes
  const withNotes = f.kind !== 'highlight' && !f.color && !f.status
  const parts: string[] = []
  // each side comes in index order (touched_at, updated_at), so a page reads few rows
  if (withHighlights)
    parts.push(`SELECT 'highlight' AS kind, h.id AS id, h.touched_at AS at FROM highlights h
      ${f.tag ? 'LEFT JOIN notes n ON n.highlight_id = h.id' : ''}
      ${h.length ? `WHERE ${h.join(' AND ')}` : ''}`)
  if (withNotes)
    parts.push(`SELECT 'note' AS kind, n.id AS id, n.updated_at AS at FROM notes n
      WHERE ${n.join(' AND ')}`)
  return { sql: parts.join(' UNION ALL '), params }
}

/** One page of the overview and how many items match in all. */
export function listNotes(
  db: Db,
  f: NotesFilter,
  limit: number,
  offset: number,
): { items: NoteListItem[]; total: number } {
  const { sql, params } = itemsSql(f)
  if (!sql) return { items: [], total: 0 }
  const total = db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(params) as number
  const page = db
    .prepare(`${sql} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset }) as { kind: 'highlight' | 'note'; id: number }[]
  return { items: hydrate(db, page), total }
}

interface ArticleInfo {
  id: number
  title: string
  outlet: string | null
  published: string | null
}

function articlesById(db: Db, ids: number[]): Map<number, ArticleInfo> {
  if (!ids.length) return new Map()
  const rows = db
    .prepare(
      `SELECT a.id, a.title, o.name AS outlet, a.published FROM articles a
       LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ArticleInfo[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** Turns a page of (kind, id) into full items: three or four queries for the whole page. */
function hydrate(db: Db, page: { kind: 'highlight' | 'note'; id: number }[]): NoteListItem[] {
  const hIds = page.filter((p) => p.kind === 'highlight').map((p) => p.id)
  const nIds = page.filter((p) => p.kind === 'note').map((p) => p.id)
  const highlights = new Map(
    toHighlights(
      db,
      hIds.length
        ? (db
            .prepare(
              `SELECT ${HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(hIds)) as HighlightRow[])
        : [],
    ).map((h) => [h.id, h]),
  )
  const notes = new Map(
    toNotes(
      db,
      nIds.length
        ? (db
            .prepare(
              `SELECT id, guid, highlight_id, article_id, story_id, lemma_key, body, created_at, updated_at
               FROM notes WHERE id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(nIds)) as NoteRow[])
        : [],
    ).map((n) => [n.id, n]),
  )
  const articleIds = new Set<number>()
  const storyIds = new Set<number>()
  for (const h of highlights.values()) articleIds.add(h.article)
  for (const n of notes.values()) {
    if (n.target.kind === 'article') articleIds.add(n.target.id)
    if (n.target.kind === 'story') storyIds.add(n.target.id)
  }
  const articles = articlesById(db, [...articleIds])
  const stories = new Map(
    (storyIds.size
      ? (db
          .prepare('SELECT id, title FROM stories WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify([...storyIds])) as { id: number; title: string }[])
      : []
    ).map((s) => [s.id, s]),
  )
  const items: NoteListItem[] = []
  for (const p of page) {
    if (p.kind === 'highlight') {
      const h = highlights.get(p.id)
      if (!h) continue
      items.push({
        kind: 'highlight',
        id: h.id,
        guid: h.guid,
        article: articles.get(h.article) ?? null,
        story: null,
        lemma: null,
        quote: h.quote,
        color: h.color,
        status: h.status,
        note: h.note,
        tags: h.tags,
        updatedAt: h.note && h.note.updatedAt > h.updatedAt ? h.note.updatedAt : h.updatedAt,
      })
    } else {
      const n = notes.get(p.id)
      if (!n) continue
      const t = n.target
      items.push({
        kind: 'note',
        id: n.id,
        guid: n.guid,
        article: t.kind === 'article' ? (articles.get(t.id) ?? null) : null,
        story: t.kind === 'story' ? (stories.get(t.id) ?? null) : null,
        lemma: t.kind === 'lexicon' ? t.lemma : null,
        quote: null,
        color: null,
        status: null,
        note: n,
        tags: n.tags,
        updatedAt: n.updatedAt,
      })
    }
  }
  return items
}

/** What the overview's filters can offer, with counts. */
export function notesFacets(db: Db): NotesFacets {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[]
  return {
    tags: all(
      `SELECT t.name, (SELECT count(*) FROM highlight_tags x WHERE x.tag_id = t.id)
         + (SELECT count(*) FROM note_tags x WHERE x.tag_id = t.id) AS count
       FROM tags t WHERE count > 0 ORDER BY t.name COLLATE NOCASE`,
    ),
    outlets: all(
      `SELECT o.name, count(*) AS count FROM (
         SELECT article_id FROM highlights UNION ALL SELECT article_id FROM notes WHERE article_id IS NOT NULL
       ) x JOIN articles a ON a.id = x.article_id JOIN outlets o ON o.id = a.outlet_id
       GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    ),
    stories: all(
      `SELECT s.id, s.title,
         (SELECT count(*) FROM highlights h WHERE h.article_id IN (SELECT article_id FROM story_articles WHERE story_id = s.id))
         + (SELECT count(*) FROM notes n WHERE n.story_id = s.id
              OR n.article_id IN (SELECT article_id FROM story_articles WHERE story_id = s.id)) AS count
       FROM stories s ORDER BY s.title COLLATE NOCASE`,
    ),
    colors: all(
      'SELECT color, count(*) AS count FROM highlights GROUP BY color ORDER BY count DESC',
    ),
    orphans: db
      .prepare("SELECT count(*) FROM highlights WHERE status = 'orphan'")
      .pluck()
      .get() as number,
  }
}
