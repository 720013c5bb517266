/** Gathering what an export holds: articles with their highlights and notes, story notes. */
import type { Highlight, Note } from '../../../../shared/contract/notes'
import { UserError } from '../../../../shared/result'
import type { Db } from '../../db/open'
import { currentTextSince, currentVersion } from '../../versions/store'
import { highlightsOf } from '../highlights'
import { notesOfArticle, toNotes, type NoteRow } from '../notes'

/** An article as it is cited, with what the user marked and wrote on it. */
export interface CitedArticle {
  id: number
  title: string
  kicker: string | null
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  /** The day the cited text was retrieved (its import, or the update that brought it). */
  accessed: string
  version: number
  hash: string
  highlights: Highlight[]
  notes: Note[]
}

export interface ExportScope {
  article: number | null
  story: number | null
}

export interface Collected {
  /** The story exported, when one was. */
  story: { id: number; title: string } | null
  articles: CitedArticle[]
  /** Notes on stories (the story exported, or every story for a whole-library export). */
  storyNotes: (Note & { storyTitle: string })[]
  /** Notes on words (whole-library exports only). */
  wordNotes: Note[]
}

const NOTE_COLUMNS =
  'id, guid, highlight_id, article_id, story_id, lemma_key, body, created_at, updated_at'

function cited(db: Db, id: number): CitedArticle {
  const a = db
    .prepare(
      `SELECT a.id, a.title, a.kicker, (SELECT name FROM outlets WHERE id = a.outlet_id) AS outlet, a.author, a.published, a.url,
         a.content_hash AS hash
       FROM articles a WHERE a.id = ?`,
    )
    .get(id) as Omit<CitedArticle, 'highlights' | 'notes' | 'accessed' | 'version'> | undefined
  if (!a) throw new UserError('not_found', `There is no article ${id} in the library.`)
  return {
    ...a,
    accessed: currentTextSince(db, id)!,
    version: currentVersion(db, id),
    highlights: highlightsOf(db, id),
    notes: notesOfArticle(db, id),
  }
}

/** Everything one export holds: an article, a story, or the whole library. */
export function collect(db: Db, scope: ExportScope): Collected {
  if (scope.article !== null)
    return { story: null, articles: [cited(db, scope.article)], storyNotes: [], wordNotes: [] }
  let story: { id: number; title: string } | null = null
  let ids: number[]
  if (scope.story !== null) {
    story =
      (db.prepare('SELECT id, title FROM stories WHERE id = ?').get(scope.story) as
        { id: number; title: string } | undefined) ?? null
    if (!story) throw new UserError('not_found', `There is no story ${scope.story} in the library.`)
    ids = db
      .prepare(
        `SELECT a.id FROM story_articles s JOIN articles a ON a.id = s.article_id
         WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.id`,
      )
      .pluck()
      .all(scope.story) as number[]
  } else {
    // the whole library: every article someone marked or wrote on
    ids = db
      .prepare(
        `SELECT a.id FROM articles a WHERE a.id IN (SELECT article_id FROM highlights)
           OR a.id IN (SELECT article_id FROM notes WHERE article_id IS NOT NULL)
         ORDER BY a.published IS NULL, a.published, a.id`,
      )
      .pluck()
      .all() as number[]
  }
  const storyRows = db
    .prepare(
      `SELECT ${NOTE_COLUMNS}, (SELECT title FROM stories WHERE id = notes.story_id) AS story_title
       FROM notes WHERE story_id IS NOT NULL ${story ? 'AND story_id = ?' : ''} ORDER BY created_at, id`,
    )
    .all(...(story ? [story.id] : [])) as (NoteRow & { story_title: string })[]
  const storyNotes = toNotes(db, storyRows).map((n, i) => ({
    ...n,
    storyTitle: storyRows[i]!.story_title,
  }))
  const wordNotes =
    scope.story === null
      ? toNotes(
          db,
          db
            .prepare(
              `SELECT ${NOTE_COLUMNS} FROM notes WHERE lemma_key IS NOT NULL ORDER BY lemma_key`,
            )
            .all() as NoteRow[],
        )
      : []
  return { story, articles: ids.map((id) => cited(db, id)), storyNotes, wordNotes }
}
