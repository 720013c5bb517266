/**
 * The domain as both sides see it. Plain data only: everything here crosses IPC and HTTP as JSON.
 */

/** A published date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
export type PartialDate = string

/** One row of the library list. */
export interface ArticleSummary {
  id: number
  title: string
  kicker: string | null
  outlet: string | null
  published: PartialDate | null
  author: string | null
  words: number
  /** ISO timestamp of the import. */
  importedAt: string
  commentCount: number
}

/** A reader comment, split off the article body at import and kept apart from it. */
export interface ReaderComment {
  author: string | null
  /** `YYYY-MM-DD` when the page gave a date. */
  posted: PartialDate | null
  title: string | null
  text: string
}

export type SourceKind = 'txt' | 'html' | 'md' | 'paste'

/** A whole article as the reader shows it. */
export interface ArticleDetail extends ArticleSummary {
  url: string | null
  /** Place of the dateline ("Rostock" from "Rostock (dpa) - …"), when the text has one. */
  dateline: string | null
  /** The clean body, one string per paragraph. */
  paragraphs: string[]
  /** Indices into `paragraphs` that are subheadings. */
  headings: number[]
  comments: ReaderComment[]
  source: { kind: SourceKind; name: string | null; encoding: string | null }
}

/** What happened to one imported file, URL or pasted text. */
export interface ImportResult {
  /** The path, URL or "paste" it came from. */
  source: string
  /** The new article's id; null when nothing was imported (an error or a duplicate). */
  id: number | null
  title: string | null
  outlet: string | null
  published: PartialDate | null
  words: number | null
  /** The id of the article this one duplicates, when it was already in the library. */
  duplicateOf: number | null
  error: { code: string; message: string } | null
}

export interface ImportReport {
  results: ImportResult[]
  /** Files inside imported folders that are not articles (images, scripts, hidden files). */
  skipped: number
}

export interface OutletCount {
  name: string
  count: number
}

export interface AppInfo {
  version: string
  libraryPath: string
  articleCount: number
  /** Which door the renderer is talking through. */
  mode: 'desktop' | 'browser'
  /** Whether the host can open http(s) links in the system browser. */
  canOpenExternal: boolean
  /** Whether the host can import by local path (desktop file dialog, CLI). */
  canImportPaths: boolean
}

/** A range of characters in a text (UTF-16 offsets, end exclusive). */
export interface TextRange {
  start: number
  end: number
}

export type SearchField = 'title' | 'text' | 'comments'

/** One search result. */
export interface SearchHit {
  id: number
  title: string
  kicker: string | null
  outlet: string | null
  published: PartialDate | null
  /** The best passage, with the matching words as they are written there. */
  snippet: string
  highlights: TextRange[]
  /** Where the snippet comes from: reader comments are labelled as such. */
  snippetFrom: SearchField
  /** Every field the query matched in. */
  matchedIn: SearchField[]
  score: number
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
}

/** Where a query matches inside one article (reader highlighting, find in article). */
export interface ArticleMatches {
  title: TextRange[]
  paragraphs: TextRange[][]
  comments: TextRange[][]
  count: number
}

export interface SearchIndexStatus {
  analyzer: string
  articles: number
  indexed: number
  pending: number
  consistent: boolean
  missing: number[]
  orphaned: number[]
}

export const librarySorts = ['published', 'title', 'outlet', 'words', 'imported'] as const
export type LibrarySort = (typeof librarySorts)[number]

/** The result for an input that could not be imported. */
export function failedImport(
  source: string,
  error: { code: string; message: string },
): ImportResult {
  return {
    source,
    id: null,
    title: null,
    outlet: null,
    published: null,
    words: null,
    duplicateOf: null,
    error,
  }
}
