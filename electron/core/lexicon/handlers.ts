/** The lexicon and dictionary methods of the handler table. */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { MAX_DICTIONARY_BYTES } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import type { Emit } from '../import/importer'
import type { JobRunner } from '../jobs/runner'
import { decodeBytes } from '../import/decode'
import { loadParsers } from '../import/parsers'
import type { SearchIndex } from '../search'
import { Lexicon } from './lookup'
import {
  deleteUserEntry,
  importDing,
  lexiconKey,
  loadBuiltinGlossary,
  readByOlderReader,
  readEntry,
  saveUserEntry,
  setNote,
} from './store'
import { exportCsv, listEntries } from './listing'

type LexiconHandlers = Pick<
  Handlers,
  | 'lexicon.lookup'
  | 'lexicon.terms'
  | 'lexicon.entries'
  | 'lexicon.save'
  | 'lexicon.delete'
  | 'lexicon.note'
  | 'lexicon.export'
  | 'dict.status'
  | 'dict.import'
  | 'dict.importSystem'
>

/** Where Debian's trans-de-en package puts the Ding dictionary. */
export const SYSTEM_DICTIONARIES = ['/usr/share/trans/de-en']

export function lexiconHandlers(
  db: Db,
  search: SearchIndex,
  emit: Emit,
  options: {
    resourcesPath?: string
    canImportPaths: boolean
    systemDictionaries?: string[]
    /** Runs the dictionary import as a job (off the main thread, with cancel). */
    jobs?: JobRunner
  },
): {
  handlers: LexiconHandlers
  lexicon: Lexicon
  /** The built-in glossary loaded, and the word list built (in slices, in the background). */
  ready: () => Promise<void>
} {
  const lexicon = new Lexicon(db, search)
  let loading: Promise<void> | null = null
  /** The built-in glossary, loaded on first use (first start, or after an upgrade). */
  const ready = () =>
    (loading ??= (async () => {
      // a read-only library keeps the glossary it has
      if (
        options.resourcesPath &&
        !db.readonly &&
        (await loadBuiltinGlossary(db, options.resourcesPath))
      )
        lexicon.invalidate()
    })())
  /** The glossary, and the word list every lookup and annotation needs (built in slices). */
  const loaded = async () => {
    await ready()
    await lexicon.load()
  }
  const systemCopies = options.systemDictionaries ?? SYSTEM_DICTIONARIES

  /** Imports uploaded bytes, or the file at `path` (read by the job). */
  const importText = async (bytes: Uint8Array | null, name: string, path: string | null) => {
    if (bytes && bytes.length > MAX_DICTIONARY_BYTES)
      throw new UserError(
        'too_large',
        `The dictionary is larger than ${MAX_DICTIONARY_BYTES / 1048576} MB.`,
      )
    await ready()
    if (options.jobs) {
      // decoding, parsing and storing run off the main thread; the bytes move, not copied
      const copy = bytes ? new Uint8Array(bytes) : undefined
      const result = await options.jobs.run(
        'dict.import',
        { name, path, bytes: copy },
        { transfer: copy ? [copy.buffer] : [] },
      )
      lexicon.invalidate()
      return result
    }
    await loadParsers() // charset detection
    const { text } = decodeBytes(bytes ?? (await readFile(path!)))
    const result = importDing(db, text, name, path, (done, total) =>
      emit('dict.progress', { done, total }),
    )
    lexicon.invalidate()
    return result
  }

  const handlers: LexiconHandlers = {
    'lexicon.lookup': async ({ word, context }) => {
      await loaded()
      return lexicon.lookup(word, true, context)
    },
    'lexicon.terms': async ({ id }) => {
      await loaded()
      const title = stmt(db, 'SELECT title FROM articles WHERE id = ?').pluck().get(id) as
        string | undefined
      if (title === undefined)
        throw new UserError('not_found', `There is no article ${id} in the library.`)
      const paragraphs = stmt(
        db,
        'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position',
      )
        .pluck()
        .all(id) as string[]
      return lexicon.articleTerms(title, paragraphs)
    },
    'lexicon.entries': async (input) => {
      await ready()
      return listEntries(db, input)
    },
    'lexicon.save': async ({ id, entry }) => {
      await ready()
      const saved = saveUserEntry(db, entry, id)
      lexicon.invalidate()
      return readEntry(db, saved)!
    },
    'lexicon.delete': async ({ id }) => {
      const deleted = deleteUserEntry(db, id)
      lexicon.invalidate()
      return { deleted }
    },
    'lexicon.note': async ({ lemma, note }) => {
      setNote(db, lexiconKey(lemma), note)
      return { note: note.trim() || null }
    },
    'lexicon.export': async ({ source, language }) => {
      await ready()
      return {
        csv: exportCsv(db, source, language),
        filename: `lesesaal-glossar-${source}-${new Date().toISOString().slice(0, 10)}.csv`,
      }
    },
    'dict.status': async () => {
      await ready()
      const dictionaries = (
        stmt(
          db,
          'SELECT id, name, path, imported_at, entries, forms, malformed FROM lexicon_dictionaries ORDER BY id',
        ).all() as {
          id: number
          name: string
          path: string | null
          imported_at: string
          entries: number
          forms: number
          malformed: number
        }[]
      ).map(({ imported_at, ...d }) => ({
        ...d,
        importedAt: imported_at,
        outdated: readByOlderReader(db, d.name),
      }))
      const current = new Set(dictionaries.filter((d) => !d.outdated).map((d) => d.path))
      const outdated = new Set(dictionaries.filter((d) => d.outdated).map((d) => d.path))
      const systemCopy = systemCopies.find((p) => existsSync(p) && !current.has(p)) ?? null
      const count = (source: string) =>
        stmt(db, 'SELECT count(*) FROM lexicon_entries WHERE source = ?')
          .pluck()
          .get(source) as number
      return {
        dictionaries,
        systemCopy,
        systemOutdated: systemCopy !== null && outdated.has(systemCopy),
        glossaryEntries: count('builtin'),
        userEntries: count('user'),
      }
    },
    'dict.import': async ({ name, path, data }) => {
      if (data !== undefined) return importText(Buffer.from(data, 'base64'), name, null)
      if (!path)
        throw new UserError('invalid_input', 'Give the dictionary file (its path or its content).')
      if (!options.canImportPaths)
        throw new UserError(
          'unsupported',
          'Importing by path is not available here; upload the file instead.',
        )
      const info = await stat(path).catch(() => null)
      if (!info?.isFile()) throw new UserError('io_error', `No such file: ${path}`)
      if (info.size > MAX_DICTIONARY_BYTES)
        throw new UserError(
          'too_large',
          `The dictionary is larger than ${MAX_DICTIONARY_BYTES / 1048576} MB.`,
        )
      return importText(null, name || basename(path), path)
    },
    'dict.importSystem': async () => {
      const path = systemCopies.find((p) => existsSync(p))
      if (!path)
        throw new UserError('not_found', 'There is no German–English dictionary on this computer.')
      // an earlier import of the same file is replaced, under whatever name it was imported
      const earlier = stmt(db, 'SELECT name FROM lexicon_dictionaries WHERE path = ?')
        .pluck()
        .get(path) as string | undefined
      return importText(null, earlier ?? 'Ding (trans-de-en)', path)
    },
  }
  // what other rooms wait for before they use the lexicon: the glossary and the word list
  return { handlers, lexicon, ready: loaded }
}
