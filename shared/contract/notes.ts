/** Highlights, notes and tags; export that cites; the JSON round trip. */
import { z } from 'zod'
import { articleId, rowId } from './common'

export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof highlightColors)[number]
/** How a highlight's last anchoring went: in place, found elsewhere or changed, not found. */
export const highlightStatuses = ['anchored', 'moved', 'orphan'] as const
export type HighlightStatus = (typeof highlightStatuses)[number]
export const exportFormats = ['md', 'json', 'csl', 'bibtex'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** A GUID as the app makes them (crypto.randomUUID) or an export carries them. */
const guid = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/, 'an id of 8 to 100 letters, digits, - _ . :')
const tagName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^,\n\r\t]+$/, 'a tag without commas or line breaks')
const tagList = z.array(tagName).max(50)
/** A note's Markdown. Long, but bounded (a note is not a book). */
export const MAX_NOTE_CHARS = 200_000
const body = z.string().max(MAX_NOTE_CHARS)
const noteTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('highlight'), id: rowId }),
  z.strictObject({ kind: z.literal('article'), id: rowId }),
  z.strictObject({ kind: z.literal('story'), id: rowId }),
  z.strictObject({ kind: z.literal('lexicon'), lemma: z.string().trim().min(1).max(200) }),
])
const listFilters = {
  article: articleId.nullable().default(null),
  tag: tagName.nullable().default(null),
  color: z.enum(highlightColors).nullable().default(null),
  outlet: z.string().min(1).max(200).nullable().default(null),
  story: rowId.nullable().default(null),
  status: z.enum(highlightStatuses).nullable().default(null),
  /** Only highlights, or only notes that stand alone (on articles, stories, words). */
  kind: z.enum(['highlight', 'note']).nullable().default(null),
}
/** Listing can reach everything (no upper cap), page by page. */
const limit = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(100)
const offset = z.number().int().min(0).default(0)

export const notesSchemas = {
  /** A highlight by offsets into the article text, or by quote (and which occurrence). */
  'highlight.create': z
    .strictObject({
      article: articleId,
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(1).optional(),
      quote: z.string().min(1).max(20_000).optional(),
      occurrence: z.number().int().min(1).optional(),
      color: z.enum(highlightColors).default('yellow'),
      note: body.optional(),
      tags: tagList.default([]),
      guid: guid.optional(),
    })
    .refine((x) => (x.quote !== undefined) !== (x.start !== undefined && x.end !== undefined), {
      message: 'give either start and end, or a quote',
    }),
  'highlight.update': z.strictObject({
    id: rowId,
    color: z.enum(highlightColors).optional(),
    tags: tagList.optional(),
  }),
  'highlight.delete': z.strictObject({ id: rowId }),
  /** Re-attaches a highlight (an orphan) to new offsets or a quote in the current text. */
  'highlight.attach': z
    .strictObject({
      id: rowId,
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(1).optional(),
      quote: z.string().min(1).max(20_000).optional(),
      occurrence: z.number().int().min(1).optional(),
    })
    .refine((x) => (x.quote !== undefined) !== (x.start !== undefined && x.end !== undefined), {
      message: 'give either start and end, or a quote',
    }),
  /**
   * Creates or updates the note with this GUID (the client makes the GUID, so an autosave
   * retried after a crash never makes a second note). A highlight and a word have one note
   * each: saving another GUID for them updates theirs. An empty body deletes the note.
   */
  'note.save': z.strictObject({
    guid,
    target: noteTarget,
    body,
    tags: tagList.optional(),
  }),
  'note.delete': z.strictObject({ id: rowId }),
  /** Everything the reader shows beside one article. */
  'notes.article': z.strictObject({ id: articleId }),
  /** The notes overview: highlights and notes, newest first, filtered, paged. */
  'notes.list': z.strictObject({ ...listFilters, limit, offset }),
  /** What the overview's filters can offer. */
  'notes.facets': z.strictObject({}),
  'notes.export': z
    .strictObject({
      article: articleId.nullable().default(null),
      story: rowId.nullable().default(null),
      format: z.enum(exportFormats),
      lang: z.enum(['de', 'en']).default('de'),
    })
    .refine((x) => !(x.article && x.story), { message: 'give an article or a story, not both' }),
  /** Imports a JSON export (`notes.export` with format json); nothing is duplicated. */
  'notes.import': z.strictObject({ content: z.string().min(1).max(100_000_000) }),
  'tags.list': z.strictObject({}),
  'article.setTags': z.strictObject({ id: articleId, tags: tagList }),
} as const

export type NoteTarget =
  | { kind: 'highlight'; id: number }
  | { kind: 'article'; id: number }
  | { kind: 'story'; id: number }
  | { kind: 'lexicon'; lemma: string }

export interface Note {
  id: number
  guid: string
  target: NoteTarget
  /** Markdown. */
  body: string
  tags: string[]
  createdAt: string
  updatedAt: string
}

/** A highlight: its selectors over the article text, colour, note and tags. */
export interface Highlight {
  id: number
  guid: string
  article: number
  /** The highlighted words (TextQuoteSelector `exact`). */
  quote: string
  prefix: string
  suffix: string
  /** Offsets into the article text (TextPositionSelector); an orphan's are its last ones. */
  start: number
  end: number
  color: HighlightColor
  status: HighlightStatus
  /** The words as first highlighted, when re-anchoring had to follow changed words. */
  quoteBefore: string | null
  note: Note | null
  tags: string[]
  createdAt: string
  updatedAt: string
}

export interface ArticleNotes {
  highlights: Highlight[]
  /** Notes on the article itself. */
  notes: Note[]
  /** The article's own tags. */
  tags: string[]
}

/** One row of the notes overview: a highlight (with its note) or a note on its own. */
export interface NoteListItem {
  kind: 'highlight' | 'note'
  /** The highlight's id, or the note's. */
  id: number
  guid: string
  article: { id: number; title: string; outlet: string | null; published: string | null } | null
  story: { id: number; title: string } | null
  lemma: string | null
  quote: string | null
  color: HighlightColor | null
  status: HighlightStatus | null
  note: Note | null
  tags: string[]
  updatedAt: string
}

export interface NotesFacets {
  tags: { name: string; count: number }[]
  outlets: { name: string; count: number }[]
  stories: { id: number; title: string; count: number }[]
  colors: { color: HighlightColor; count: number }[]
  orphans: number
}

export interface NotesExport {
  content: string
  /** A file name to offer ("lesesaal-notizen-2026-12-01.md"). */
  fileName: string
  mime: string
  highlights: number
  notes: number
  articles: number
}

export interface NotesImportCounts {
  added: number
  updated: number
  unchanged: number
  /** The library's text was newer and stayed; the imported text went to the note's history. */
  kept: number
}

export interface NotesImportResult {
  highlights: NotesImportCounts
  notes: NotesImportCounts
  /** What could not be imported, one sentence each (an article not in this library …). */
  skipped: { guid: string; reason: string }[]
}

export interface NotesResults {
  'highlight.create': Highlight
  'highlight.update': Highlight
  'highlight.delete': { deleted: boolean }
  'highlight.attach': Highlight
  'note.save': { note: Note | null }
  'note.delete': { deleted: boolean }
  'notes.article': ArticleNotes
  'notes.list': { items: NoteListItem[]; total: number }
  'notes.facets': NotesFacets
  'notes.export': NotesExport
  'notes.import': NotesImportResult
  'tags.list': { name: string; articles: number; highlights: number; notes: number }[]
  'article.setTags': { tags: string[] }
}

export interface NotesEvents {
  /** Highlights, notes or tags changed (`article`: which article's, when one). */
  'notes.changed': { article: number | null }
}
