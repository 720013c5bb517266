/**
 * Importing a JSON export of highlights and notes. Nothing is duplicated (GUIDs), nothing is
 * lost: when the library and the file disagree, the newer text wins and the other one goes
 * to the note's history. Highlights are anchored again in this library's text of the article.
 */
import type {
  NoteTarget,
  NotesImportCounts,
  NotesImportResult,
} from '../../../shared/contract/notes'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { lexiconKey } from '../lexicon/store'
import { loadArticleText } from '../library/text'
import { findByHash } from '../library/articles'
import { articleWithEarlierText, articleWithUrl } from '../versions/store'
import { reanchor } from './anchor'
import { notesFileSchema, type NotesFile } from './export/json'
import { keepHistory, noteRowByGuid, type NoteRow } from './notes'
import { setTags, tagsOf } from './tags'

type FileNote = NotesFile['notes'][number]
type ArticleRef = NotesFile['highlights'][number]['article']

const counts = (): NotesImportCounts => ({ added: 0, updated: 0, unchanged: 0, kept: 0 })
const sameTags = (a: string[], b: string[]) =>
  a
    .map((t) => t.toLowerCase())
    .sort()
    .join('\n') ===
  b
    .map((t) => t.toLowerCase())
    .sort()
    .join('\n')

/** Parses and imports an export; throws one clear sentence for a file that is not one. */
export function importNotes(db: Db, content: string): NotesImportResult {
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch {
    throw new UserError('invalid_input', 'The file is not JSON (expected a Lesesaal notes export).')
  }
  const parsed = notesFileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : ''
    throw new UserError(
      'invalid_input',
      `The file is not a Lesesaal notes export${where}: ${issue?.message ?? 'unexpected content'}.`,
    )
  }
  return db.transaction(() => new Importer(db).run(parsed.data))()
}

class Importer {
  private readonly result: NotesImportResult = {
    highlights: counts(),
    notes: counts(),
    skipped: [],
  }
  private readonly articles = new Map<string, number | null>()
  private readonly texts = new Map<number, string>()

  constructor(private readonly db: Db) {}

  run(file: NotesFile): NotesImportResult {
    for (const h of file.highlights) this.highlight(h)
    for (const n of file.notes) {
      const target = this.noteTarget(n)
      if (typeof target === 'string') this.result.skipped.push({ guid: n.guid, reason: target })
      else this.note(target, n)
    }
    return this.result
  }

  private article(ref: ArticleRef): number | null {
    const key = JSON.stringify(ref)
    if (this.articles.has(key)) return this.articles.get(key)!
    const db = this.db
    const id =
      findByHash(db, ref.hash) ??
      articleWithEarlierText(db, ref.hash) ??
      (ref.url ? articleWithUrl(db, ref.url) : null) ??
      (stmt(db, 'SELECT id FROM articles WHERE id = ? AND title = ?')
        .pluck()
        .get(ref.id, ref.title) as number | undefined) ??
      null
    this.articles.set(key, id)
    return id
  }

  private text(article: number): string {
    let t = this.texts.get(article)
    if (t === undefined) this.texts.set(article, (t = loadArticleText(this.db, article)))
    return t
  }

  private highlight(h: NotesFile['highlights'][number]): void {
    const db = this.db
    const local = stmt(db, 'SELECT id, color, updated_at FROM highlights WHERE guid = ?').get(
      h.guid,
    ) as { id: number; color: string; updated_at: string } | undefined
    let id: number
    if (local) {
      id = local.id
      const tags = tagsOf(db, 'highlight', [id]).get(id) ?? []
      if (local.color === h.color && sameTags(tags, h.tags)) this.result.highlights.unchanged++
      else if (h.updatedAt > local.updated_at) {
        stmt(db, 'UPDATE highlights SET color = ?, updated_at = ? WHERE id = ?').run(
          h.color,
          h.updatedAt,
          id,
        )
        setTags(db, 'highlight', id, h.tags)
        this.result.highlights.updated++
      } else this.result.highlights.kept++
    } else {
      const article = this.article(h.article)
      if (article === null) {
        this.result.skipped.push({
          guid: h.guid,
          reason: `The article "${h.article.title}" is not in this library.`,
        })
        return
      }
      const old = { exact: h.quote, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end }
      const r = reanchor(this.text(article), old)
      const status =
        r.status === 'anchored' ? (h.status === 'orphan' ? 'anchored' : h.status) : r.status
      const s = r.selectors
      id = Number(
        stmt(
          db,
          `INSERT INTO highlights (guid, article_id, exact, prefix, suffix, start_pos, end_pos, color,
             status, quote_before, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          h.guid,
          article,
          s.exact,
          s.prefix,
          s.suffix,
          s.start,
          s.end,
          h.color,
          status,
          h.quoteBefore ?? (s.exact !== h.quote ? h.quote : null),
          h.createdAt,
          h.updatedAt,
        ).lastInsertRowid,
      )
      if (h.tags.length) setTags(db, 'highlight', id, h.tags)
      this.result.highlights.added++
    }
    if (h.note) this.note({ kind: 'highlight', id }, h.note)
  }

  /** Where a stand-alone note goes in this library, or why it cannot. */
  private noteTarget(n: FileNote): NoteTarget | string {
    const t = n.target
    if (t.kind === 'lexicon') return { kind: 'lexicon', lemma: t.lemma }
    if (t.kind === 'article') {
      const id = this.article(t.article)
      return id === null
        ? `The article "${t.article.title}" is not in this library.`
        : { kind: 'article', id }
    }
    const id =
      (stmt(this.db, 'SELECT id FROM stories WHERE id = ? AND title = ?')
        .pluck()
        .get(t.story.id, t.story.title) as number | undefined) ??
      (stmt(this.db, 'SELECT id FROM stories WHERE title = ? ORDER BY id LIMIT 1')
        .pluck()
        .get(t.story.title) as number | undefined)
    return id === undefined
      ? `The story "${t.story.title}" is not in this library.`
      : { kind: 'story', id }
  }

  private note(
    target: NoteTarget,
    n: { guid: string; body: string; tags: string[]; createdAt: string; updatedAt: string },
  ): void {
    const db = this.db
    let local = noteRowByGuid(db, n.guid)
    if (local && !matches(local, target)) {
      this.result.skipped.push({
        guid: n.guid,
        reason: 'A note with this id belongs to something else in this library.',
      })
      return
    }
    // a highlight and a word have one note each: the library's may have another GUID
    local ??=
      target.kind === 'highlight'
        ? ((stmt(db, 'SELECT * FROM notes WHERE highlight_id = ?').get(target.id) as
            NoteRow | undefined) ?? null)
        : target.kind === 'lexicon'
          ? ((stmt(db, 'SELECT * FROM notes WHERE lemma_key = ?').get(lexiconKey(target.lemma)) as
              NoteRow | undefined) ?? null)
          : null
    if (!local) {
      if (!n.body.trim()) return
      const id = Number(
        stmt(
          db,
          `INSERT INTO notes (guid, highlight_id, article_id, story_id, lemma_key, body, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          n.guid,
          target.kind === 'highlight' ? target.id : null,
          target.kind === 'article' ? target.id : null,
          target.kind === 'story' ? target.id : null,
          target.kind === 'lexicon' ? lexiconKey(target.lemma) : null,
          n.body,
          n.createdAt,
          n.updatedAt,
        ).lastInsertRowid,
      )
      if (n.tags.length) setTags(db, 'note', id, n.tags)
      this.result.notes.added++
      return
    }
    const tags = tagsOf(db, 'note', [local.id]).get(local.id) ?? []
    if (local.body === n.body && sameTags(tags, n.tags)) {
      this.result.notes.unchanged++
    } else if (n.updatedAt > local.updated_at) {
      if (local.body !== n.body) remember(db, local.id, local.body, 'replaced by an import')
      stmt(db, 'UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(
        n.body,
        n.updatedAt,
        local.id,
      )
      setTags(db, 'note', local.id, n.tags)
      this.result.notes.updated++
    } else {
      if (local.body !== n.body) remember(db, local.id, n.body, 'older text from an import')
      this.result.notes.kept++
    }
  }
}

function matches(row: NoteRow, t: NoteTarget): boolean {
  if (t.kind === 'highlight') return row.highlight_id === t.id
  if (t.kind === 'article') return row.article_id === t.id
  if (t.kind === 'story') return row.story_id === t.id
  return row.lemma_key === lexiconKey(t.lemma)
}

/** Keeps a text in the note's history, once. */
function remember(db: Db, noteId: number, body: string, reason: string): void {
  const known = stmt(db, 'SELECT 1 FROM note_history WHERE note_id = ? AND body = ?').get(
    noteId,
    body,
  )
  if (!known) keepHistory(db, noteId, body, reason)
}
