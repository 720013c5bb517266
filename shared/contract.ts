/**
 * The one API contract. Every method is declared here once: its input schema (validated at
 * every door), and its result type. Electron IPC, browser-mode HTTP and the CLI all serve the
 * same handler table, typed by `Handlers`.
 */
import { z } from 'zod'
import type {
  AppInfo,
  ArticleDetail,
  ArticleMatches,
  DictionaryImportResult,
  DictionaryStatus,
  LexiconEntry,
  TermMatch,
  WordInfo,
  SearchIndexStatus,
  SearchResults,
  ArticleSummary,
  ImportReport,
  ImportResult,
  OutletCount,
  FurnitureRule,
  ReextractReport,
} from './types'
import { librarySorts } from './types'

/** Largest single file the importer accepts (bytes). Bigger files are rejected with `too_large`. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** Largest dictionary file (Debian's trans-de-en is about 25 MB). */
export const MAX_DICTIONARY_BYTES = 80 * 1024 * 1024

const articleId = z.number().int().positive()
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025, 2025-03 or 2025-03-14')
const searchText = z.string().trim().min(1).max(500)

/** Input schemas, one per method. Inputs arrive as `unknown` and are parsed here. */
export const schemas = {
  'app.info': z.strictObject({}),
  'app.openExternal': z.strictObject({ url: z.string().min(1).max(4096) }),
  'library.list': z.strictObject({
    sort: z.enum(librarySorts).default('published'),
    order: z.enum(['asc', 'desc']).default('desc'),
    outlet: z.string().min(1).max(200).nullable().default(null),
  }),
  'library.outlets': z.strictObject({}),
  'article.get': z.strictObject({ id: articleId }),
  'article.delete': z.strictObject({ id: articleId }),
  'import.paths': z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }),
  'import.files': z.strictObject({
    files: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(1024),
          data: z.base64().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
        }),
      )
      .min(1)
      .max(500),
  }),
  'import.text': z.strictObject({
    text: z.string().max(5_000_000),
    title: z.string().trim().max(500).optional(),
  }),
  'search.query': z.strictObject({
    query: searchText,
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
    outlet: z.string().min(1).max(200).nullable().default(null),
    from: partialDate.nullable().default(null),
    to: partialDate.nullable().default(null),
    tag: z.string().min(1).max(200).nullable().default(null),
    story: z.number().int().positive().nullable().default(null),
  }),
  'search.matches': z.strictObject({ id: articleId, query: searchText }),
  'search.status': z.strictObject({}),
  'search.rebuild': z.strictObject({}),
  'lexicon.lookup': z.strictObject({
    word: z.string().trim().min(1).max(120),
    // the text around the word, for separable verbs ("kam … heraus")
    context: z
      .strictObject({ text: z.string().max(5000), offset: z.number().int().min(0).max(5000) })
      .optional(),
  }),
  'lexicon.terms': z.strictObject({ id: articleId }),
  'lexicon.entries': z.strictObject({
    filter: z.string().max(120).default(''),
    source: z.enum(['glossary', 'user', 'builtin', 'dict', 'all']).default('glossary'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'lexicon.save': z.strictObject({
    id: articleId.optional(),
    entry: z.strictObject({
      lemma: z.string().trim().min(1).max(200),
      pos: z.enum(['noun', 'verb', 'adj', 'adv', 'phrase', 'abbr', 'other']),
      gender: z.enum(['m', 'f', 'n', 'pl']).nullable().optional(),
      plural: z.string().trim().max(200).nullable().optional(),
      gloss: z.string().trim().min(1).max(500),
      explanation: z.string().trim().max(1000).nullable().optional(),
      domain: z.string().trim().max(50).nullable().optional(),
      forms: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    }),
  }),
  'lexicon.delete': z.strictObject({ id: articleId }),
  'lexicon.note': z.strictObject({
    lemma: z.string().trim().min(1).max(200),
    note: z.string().max(5000),
  }),
  'lexicon.export': z.strictObject({
    source: z.enum(['glossary', 'user', 'builtin', 'dict', 'all']).default('glossary'),
  }),
  'dict.status': z.strictObject({}),
  'dict.import': z.strictObject({
    name: z.string().trim().min(1).max(200),
    path: z.string().min(1).max(4096).optional(),
    data: z
      .base64()
      .max(Math.ceil((MAX_DICTIONARY_BYTES * 4) / 3) + 4)
      .optional(),
  }),
  'dict.importSystem': z.strictObject({}),
  // --- page furniture and re-extraction (issue 13) ---
  'library.reextract': z.strictObject({
    // none: every article (or, with `outdated`, those extracted by an older extractor)
    ids: z.array(articleId).max(1_000_000).default([]),
    outdated: z.boolean().default(false),
  }),
  'furniture.list': z.strictObject({
    outlet: z.string().min(1).max(200).nullable().default(null),
  }),
  'furniture.mark': z.strictObject({
    id: articleId,
    text: z.string().trim().min(1).max(5000),
    scope: z.enum(['outlet', 'everywhere']).default('outlet'),
  }),
  'furniture.remove': z.strictObject({ id: z.number().int().positive() }),
} as const

export type MethodName = keyof typeof schemas

/** The result type of each method. Must name exactly the methods in `schemas`. */
export interface ApiResults {
  'app.info': AppInfo
  'app.openExternal': { opened: boolean }
  'library.list': ArticleSummary[]
  'library.outlets': OutletCount[]
  'article.get': ArticleDetail
  'article.delete': { deleted: boolean }
  'import.paths': ImportReport
  'import.files': ImportReport
  'import.text': ImportResult
  'search.query': SearchResults
  'search.matches': ArticleMatches
  'search.status': SearchIndexStatus
  'search.rebuild': SearchIndexStatus
  'lexicon.lookup': WordInfo
  'lexicon.terms': { title: TermMatch[]; paragraphs: TermMatch[][] }
  'lexicon.entries': { entries: LexiconEntry[]; total: number }
  'lexicon.save': LexiconEntry
  'lexicon.delete': { deleted: boolean }
  'lexicon.note': { note: string | null }
  'lexicon.export': { csv: string; filename: string }
  'dict.status': DictionaryStatus
  'dict.import': DictionaryImportResult
  'dict.importSystem': DictionaryImportResult
  'library.reextract': ReextractReport
  'furniture.list': FurnitureRule[]
  'furniture.mark': { rule: FurnitureRule; report: ReextractReport }
  'furniture.remove': { removed: boolean; report: ReextractReport }
}

/** What a caller passes (defaults may be left out). */
export type ApiInput<M extends MethodName> = z.input<(typeof schemas)[M]>
/** What a handler receives after validation (defaults filled in). */
export type HandlerInput<M extends MethodName> = z.output<(typeof schemas)[M]>
export type ApiOutput<M extends MethodName> = ApiResults[M]

/** The handler table every door serves. */
export type Handlers = {
  [M in MethodName]: (input: HandlerInput<M>) => ApiResults[M] | Promise<ApiResults[M]>
}

/** The client side: what the renderer and tests call. */
export type Api = {
  [M in MethodName]: (input: ApiInput<M>) => Promise<ApiResults[M]>
}

/** Every method name, at runtime. */
export const methodNames = Object.keys(schemas) as MethodName[]

/** True when `name` is a method of the contract. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name)
}

// Compile-time check: the result table and the schema table name the same methods.
type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const contractIsComplete: Equals<keyof ApiResults, MethodName> = true
void contractIsComplete

/** Events pushed from the core to the renderer. */
export interface ApiEvents {
  /** Progress of a running import. */
  'import.progress': { done: number; total: number; source: string }
  /** Articles were added, removed or re-extracted. */
  'library.changed': { reason: 'import' | 'delete' | 'sample' | 'reextract' }
  /** Progress of a search index rebuild. */
  'search.progress': { done: number; total: number }
  /** Progress of a dictionary import (lines read). */
  'dict.progress': { done: number; total: number }
  /** A menu command from the desktop shell. */
  'app.command': { command: 'import' | 'paste' | 'library' }
  /** Progress of a re-extraction (articles done). */
  'reextract.progress': { done: number; total: number }
}
export type EventName = keyof ApiEvents
export const eventNames: EventName[] = [
  'import.progress',
  'library.changed',
  'search.progress',
  'dict.progress',
  'app.command',
  'reextract.progress',
]

export { IPC_EVENT, IPC_INVOKE } from './channels'
