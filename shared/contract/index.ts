/**
 * The one API contract. Every method is declared once, in the file of its room
 * (`shared/contract/<room>.ts`): its input schema (validated at every door) and its result
 * type. Electron IPC, browser-mode HTTP and the CLI all serve the same handler table, typed
 * by `Handlers`.
 *
 * A new room adds its file and one line to each of `rooms`, `ApiResults` and `ApiEvents`
 * below; a method name used twice stops the app at start-up, and a result type without a
 * schema (or the other way round) stops the build.
 */
import type { z } from 'zod'
import { alignSchemas, type AlignEvents, type AlignResults } from './align'
import { appSchemas, type AppEvents, type AppResults } from './app'
import { backupSchemas, type BackupEvents, type BackupResults } from './backup'
import { extractionSchemas, type ExtractionEvents, type ExtractionResults } from './extraction'
import { importSchemas, type ImportEvents, type ImportResults } from './import'
import { jobSchemas, type JobEvents, type JobResults } from './jobs'
import { lexiconSchemas, type LexiconEvents, type LexiconResults } from './lexicon'
import { librarySchemas, type LibraryEvents, type LibraryResults } from './library'
import { notesSchemas, type NotesEvents, type NotesResults } from './notes'
import { searchSchemas, type SearchEvents, type SearchResultsTable } from './search'
import { studySchemas, type StudyEvents, type StudyResults } from './study'
import { storySchemas, type StoryEvents, type StoryResults } from './stories'
import { versionsSchemas, type VersionsEvents, type VersionsResults } from './versions'

export { MAX_IMPORT_BYTES } from './import'
export { MAX_DICTIONARY_BYTES } from './lexicon'
export { MAX_TRANSLATION_CHARS } from './align'

/** Every room's schemas; a method name may appear in one room only. */
const rooms = [
  appSchemas,
  librarySchemas,
  importSchemas,
  extractionSchemas,
  searchSchemas,
  lexiconSchemas,
  studySchemas,
  storySchemas,
  alignSchemas,
  backupSchemas,
  jobSchemas,
  notesSchemas,
  versionsSchemas,
] as const

/** Input schemas, one per method. Inputs arrive as `unknown` and are parsed here. */
export const schemas = {
  ...appSchemas,
  ...librarySchemas,
  ...importSchemas,
  ...extractionSchemas,
  ...searchSchemas,
  ...lexiconSchemas,
  ...studySchemas,
  ...storySchemas,
  ...alignSchemas,
  ...backupSchemas,
  ...jobSchemas,
  ...notesSchemas,
  ...versionsSchemas,
} as const

assertNoDuplicateMethods(rooms, schemas)

export type MethodName = keyof typeof schemas

/** The result type of each method. Must name exactly the methods in `schemas`. */
export interface ApiResults
  extends
    AppResults,
    LibraryResults,
    ImportResults,
    ExtractionResults,
    SearchResultsTable,
    LexiconResults,
    StudyResults,
    StoryResults,
    AlignResults,
    BackupResults,
    JobResults,
    NotesResults,
    VersionsResults {}

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
export interface ApiEvents
  extends
    StudyEvents,
    AppEvents,
    LibraryEvents,
    ImportEvents,
    ExtractionEvents,
    SearchEvents,
    LexiconEvents,
    StoryEvents,
    AlignEvents,
    BackupEvents,
    JobEvents,
    NotesEvents,
    VersionsEvents {}
export type EventName = keyof ApiEvents

const eventTable: { [E in EventName]: true } = {
  'import.progress': true,
  'reextract.progress': true,
  'library.changed': true,
  'search.progress': true,
  'dict.progress': true,
  'app.command': true,
  'study.changed': true,
  'study.progress': true,
  'story.changed': true,
  'translation.changed': true,
  'backup.health': true,
  'job.progress': true,
  'job.finished': true,
  'notes.changed': true,
}
/** Every event name, at runtime (the table above fails the build when one is missing). */
export const eventNames = Object.keys(eventTable) as EventName[]

function assertNoDuplicateMethods(parts: readonly object[], all: object): void {
  const count = parts.reduce((n, part) => n + Object.keys(part).length, 0)
  if (count !== Object.keys(all).length) {
    const seen = new Set<string>()
    const twice = parts.flatMap(Object.keys).filter((k) => seen.has(k) || !seen.add(k))
    throw new Error(`API methods declared in two rooms: ${twice.join(', ')}`)
  }
}

export { IPC_EVENT, IPC_INVOKE } from '../channels'
