/** The notes room's part of the handler table: highlights, notes, tags, export, import. */
import { UserError } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { HandlersOf } from '../handlers'
import { stmt } from '../db/statements'
import { collect } from './export/collect'
import { toBibtex } from './export/bibtex'
import { toCslJson } from './export/csl'
import { toNotesJson } from './export/json'
import { toMarkdown } from './export/markdown'
import {
  attachHighlight,
  createHighlight,
  deleteHighlight,
  highlightsOf,
  updateHighlight,
  type Placement,
} from './highlights'
import { importNotes } from './import'
import { articleOfNote, deleteNote, getNote, notesOfArticle, saveNote } from './notes'
import { listNotes, notesFacets } from './overview'
import { notesSearchFor } from './search'
import { listTags, setTags, tagsOf } from './tags'

type NotesMethods =
  | 'highlight.create'
  | 'highlight.update'
  | 'highlight.delete'
  | 'highlight.attach'
  | 'note.save'
  | 'note.delete'
  | 'notes.article'
  | 'notes.list'
  | 'notes.facets'
  | 'notes.export'
  | 'notes.import'
  | 'tags.list'
  | 'article.setTags'

const MIME = {
  md: 'text/markdown',
  json: 'application/json',
  csl: 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
} as const
const EXTENSION = { md: 'md', json: 'json', csl: 'csl.json', bibtex: 'bib' } as const

function placement(x: {
  start?: number
  end?: number
  quote?: string
  occurrence?: number
}): Placement {
  return x.quote !== undefined
    ? { quote: x.quote, occurrence: x.occurrence }
    : { start: x.start!, end: x.end! }
}

export function notesHandlers(ctx: CoreContext): HandlersOf<NotesMethods> {
  const { db, emit } = ctx
  const search = notesSearchFor(db)
  /** Every write ends here: the notes search forgets, the UI hears. */
  const changed = <T>(article: number | null, value: T): T => {
    search.invalidate()
    emit('notes.changed', { article })
    return value
  }
  const tx = <T>(fn: () => T): T => db.transaction(fn)()

  return {
    'highlight.create': (input) => {
      const h = tx(() =>
        createHighlight(db, {
          article: input.article,
          placement: placement(input),
          color: input.color,
          note: input.note,
          tags: input.tags,
          guid: input.guid,
        }),
      )
      return changed(h.article, h)
    },
    'highlight.update': ({ id, color, tags }) => {
      const h = tx(() => updateHighlight(db, id, { color, tags }))
      return changed(h.article, h)
    },
    'highlight.delete': ({ id }) => {
      const r = tx(() => deleteHighlight(db, id))
      return changed(r.article, { deleted: r.deleted })
    },
    'highlight.attach': (input) => {
      const h = tx(() => attachHighlight(db, input.id, placement(input)))
      return changed(h.article, h)
    },
    'note.save': ({ guid, target, body, tags }) => {
      const note = tx(() => saveNote(db, { guid, target, body, tags }))
      return changed(articleOfNote(db, target), { note })
    },
    'note.delete': ({ id }) => {
      const note = getNote(db, id)
      const deleted = tx(() => deleteNote(db, id))
      return changed(note ? articleOfNote(db, note.target) : null, { deleted })
    },
    'notes.article': ({ id }) => {
      if (!stmt(db, 'SELECT 1 FROM articles WHERE id = ?').get(id))
        throw new UserError('not_found', `There is no article ${id} in the library.`)
      return {
        highlights: highlightsOf(db, id),
        notes: notesOfArticle(db, id),
        tags: tagsOf(db, 'article', [id]).get(id) ?? [],
      }
    },
    'notes.list': ({ limit, offset, ...filter }) => listNotes(db, filter, limit, offset),
    'notes.facets': () => notesFacets(db),
    'notes.export': ({ article, story, format, lang }) => {
      const c = collect(db, { article, story })
      const content =
        format === 'md'
          ? toMarkdown(c, lang)
          : format === 'json'
            ? toNotesJson(c)
            : format === 'csl'
              ? toCslJson(c.articles)
              : toBibtex(c.articles)
      const day = new Date().toISOString().slice(0, 10)
      const what = article ? `artikel-${article}` : story ? `story-${story}` : 'bibliothek'
      const base =
        lang === 'en' ? what.replace('artikel', 'article').replace('bibliothek', 'library') : what
      return {
        content,
        fileName: `lesesaal-${lang === 'en' ? 'notes' : 'notizen'}-${base}-${day}.${EXTENSION[format]}`,
        mime: MIME[format],
        highlights: c.articles.reduce((n, a) => n + a.highlights.length, 0),
        notes:
          c.articles.reduce(
            (n, a) => n + a.notes.length + a.highlights.filter((h) => h.note).length,
            0,
          ) +
          c.storyNotes.length +
          c.wordNotes.length,
        articles: c.articles.length,
      }
    },
    'notes.import': ({ content }) => changed(null, importNotes(db, content)),
    'tags.list': () => listTags(db),
    'article.setTags': ({ id, tags }) => {
      if (!stmt(db, 'SELECT 1 FROM articles WHERE id = ?').get(id))
        throw new UserError('not_found', `There is no article ${id} in the library.`)
      return changed(id, { tags: tx(() => setTags(db, 'article', id, tags)) })
    },
  }
}
