/**
 * The domain as both sides see it. Plain data only: everything here crosses IPC and HTTP as JSON.
 */
import type { ArticleUpdate } from './contract/versions'

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
  /** One of the sample library's articles (set by `library.rows` and `library.ids`). */
  sample?: boolean
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
  /**
   * An article of the library this text is nearly the same as (not imported unless asked
   * for: `nearDuplicates: 'import'`). Absent or null when there is none.
   */
  nearDuplicateOf?: NearDuplicate | null
  error: { code: string; message: string } | null
  /**
   * Imported, but with something the user should know (`invalid_bytes`: a few bytes were not
   * valid in the file's encoding and were replaced). Null (or absent) when all went well.
   */
  warning?: { code: string; message: string } | null
  /** Set when the text was a newer version of an article with the same URL (`id`). */
  updated?: ArticleUpdate
}

/** "Nearly the same as article N (96 %)". */
export interface NearDuplicate {
  id: number
  title: string
  /** Shared 4-word shingles over all of both texts' shingles (Jaccard), 0.9–1, two decimals. */
  similarity: number
}

export interface ImportReport {
  results: ImportResult[]
  /** Files inside imported folders that are not articles (images, scripts, hidden files). */
  skipped: number
  /** True when the import was cancelled: `results` has the files handled until then. */
  cancelled?: boolean
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
  /** The query also matches the user's own note or highlight on this article ("in your note"). */
  note?: { from: 'note' | 'highlight'; snippet: string; highlights: TextRange[] } | null
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
  /**
   * Matching articles a date range left out because their date is known only by month or
   * year, or not at all: they may or may not be in the range (`uncertainDates` includes them).
   * Absent or 0 without a date range.
   */
  uncertainDates?: number
  /** Articles whose notes or highlights match and that are not among `hits` (first page only: the best few, and how many). */
  inNotes?: { hits: SearchHit[]; total: number }
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
    nearDuplicateOf: null,
    error,
    warning: null,
  }
}

export type LexiconSource = 'user' | 'builtin' | 'dict'
export type Gender = 'm' | 'f' | 'n' | 'pl'

/** The definite article of each gender (plural-only nouns: "die"). */
export const GENDER_ARTICLE = { m: 'der', f: 'die', n: 'das', pl: 'die' } as const satisfies Record<
  Gender,
  string
>

/** One entry of the lexicon: the built-in glossary, an imported dictionary, or the user's own. */
export interface LexiconEntry {
  id: number
  lemma: string
  pos: string
  gender: Gender | null
  plural: string | null
  genitive: string | null
  gloss: string
  explanation: string | null
  domain: string | null
  source: LexiconSource
  /** Inflected forms and spelling variants that lead to it (lower case). */
  forms: string[]
}

/** What a user enters for an own term. */
export interface GlossaryEntryInput {
  lemma: string
  pos: 'noun' | 'verb' | 'adj' | 'adv' | 'phrase' | 'abbr' | 'other'
  gender?: Gender | null
  plural?: string | null
  gloss: string
  explanation?: string | null
  domain?: string | null
  forms?: string[]
}

/** A word as the popover explains it. */
export interface WordInfo {
  /** What was looked up, as written. */
  query: string
  found: boolean
  lemma: string | null
  pos: string | null
  gender: Gender | null
  /** "der", "die", "das" (plural-only nouns: "die"). */
  article: string | null
  plural: string | null
  genitive: string | null
  gloss: string | null
  explanation: string | null
  domain: string | null
  /** Compound parts with their linking elements: ["Sicherheit", "s", "Garantie"]. */
  parts: string[]
  /** Which lexicon the answer comes from ("compound": assembled from its head). */
  source: LexiconSource | 'compound' | null
  /**
   * How it was found: exact lemma, an inflected form, the stem, a compound split, a separable
   * verb in its sentence, a fixed phrase around a verb in its sentence ("trat … in Kraft"), a
   * derivation from its base (Politiker <- Politik), a person's name.
   */
  via: 'lemma' | 'form' | 'stem' | 'compound' | 'separable' | 'phrase' | 'derived' | 'name' | null
  /**
   * The entry's words as they stand apart in the sentence (else null): a separable verb's
   * parts ("kam … heraus"), or a fixed phrase's ("trat … in Kraft", via 'phrase').
   */
  separable: string | null
  entryId: number | null
  /** Other meanings or entries for the same word. */
  more: { id: number; lemma: string; gloss: string; source: LexiconSource; pos: string }[]
  /** The user's note on this lemma. */
  note: string | null
  /**
   * Where the word occurs in the library. `common`: a word too common to be in the search
   * index ("soll", "der"), so not counted (not: found nowhere).
   */
  occurrences: {
    total: number
    articles: { id: number; title: string; outlet: string | null }[]
    common?: boolean
    /** The total is estimated from the newest articles (a word in very many articles). */
    approximate?: boolean
  }
}

/** Where a looked-up word stands: its sentence (or paragraph) and its offset there. */
export interface WordContext {
  text: string
  offset: number
  /** The article the text is from: names introduced earlier in it stay names. */
  article?: number
}

/** A glossary term found in running text (single words and multi-word terms). */
export interface TermMatch {
  start: number
  end: number
  lemma: string
  entryId: number
}

export interface DictionaryStatus {
  dictionaries: {
    id: number
    name: string
    path: string | null
    importedAt: string
    entries: number
    forms: number
    malformed: number
    /** Read by an older version of Lesesaal: importing it again reads it better. */
    outdated: boolean
  }[]
  /**
   * A dictionary on this computer (Debian's trans-de-en) that is not imported yet, or whose
   * import is outdated (then `systemOutdated`).
   */
  systemCopy: string | null
  systemOutdated: boolean
  glossaryEntries: number
  userEntries: number
}

export interface DictionaryImportResult {
  name: string
  lines: number
  entries: number
  forms: number
  malformed: number
  examples: { line: number; reason: string }[]
  seconds: number
}

// --- Page furniture and re-extraction (issue 13) ---

/** A line the library treats as page furniture: marked by the user or learned from an outlet. */
export interface FurnitureRule {
  id: number
  /** The outlet it applies to; null for every outlet. */
  outlet: string | null
  text: string
  /** `user`: marked in the reader; `template`: recurring in several of the outlet's articles. */
  source: 'user' | 'template'
  /** False for a learned line the user said is article text (it is not learned again). */
  active: boolean
  createdAt: string
  /** How many articles it took the line out of. */
  articles: number
}

/** What re-extraction did to one article. */
export interface ReextractItem {
  id: number
  title: string
  status: 'changed' | 'unchanged' | 'failed' | 'duplicate'
  /** For `duplicate`: the article whose text the new extraction equals (the old text is kept). */
  duplicateOf: number | null
  error: { code: string; message: string } | null
  /** Fields whose value changed (title, kicker, outlet, published, author, dateline, url). */
  fields: string[]
  paragraphsBefore: number
  paragraphsAfter: number
  /** Paragraphs that are new, and paragraphs that are gone. */
  added: number
  removed: number
  wordsBefore: number
  wordsAfter: number
}

export interface ReextractReport {
  items: ReextractItem[]
  changed: number
  unchanged: number
  failed: number
  /** True when the run was cancelled before every article was done. */
  cancelled: boolean
}
