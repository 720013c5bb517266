/**
 * Imports files, folders, URLs, uploaded files and pasted text into the library. One broken
 * input never stops a batch: it gets a one-line reason and the rest go on.
 */
import type { Emit } from '../context'
import {
  failedImport,
  type ImportReport,
  type ImportResult,
  type SourceKind,
} from '../../../shared/types'
import { databaseError } from '../db/errors'
import type { Db } from '../db/open'
import { findByHash, insertArticle } from '../library/articles'
import { loadParsers } from './parsers'
import type { Extraction } from './pipeline'
import { failed, toUserError, type ImportSource } from './sources'

export { bufferSource, readAtMost, sourcesFromPaths, type ImportSource } from './sources'

/**
 * The extraction pipeline (HTML parser, Readability, sanitiser, Markdown) is loaded on the
 * first import only, so listing and reading start fast.
 */
async function pipeline() {
  const [mod] = await Promise.all([import('./pipeline'), loadParsers()])
  return mod
}

/** Stores one extraction unless the library already has the same text. */
function store(
  db: Db,
  source: string,
  x: Extraction,
  raw: Uint8Array,
  name: string | null,
  extractorVersion: number,
): ImportResult {
  const a = x.article
  const result = (id: number | null, duplicateOf: number | null): ImportResult => ({
    source,
    id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    words: a.words,
    duplicateOf,
    error: null,
    warning: x.replaced
      ? {
          code: 'invalid_bytes',
          message: `${x.replaced} ${x.replaced === 1 ? 'byte was' : 'bytes were'} not valid ${x.encoding.toUpperCase()} and ${x.replaced === 1 ? 'was' : 'were'} replaced by \ufffd.`,
        }
      : null,
  })
  return db
    .transaction((): ImportResult => {
      const existing = findByHash(db, x.hash)
      if (existing !== null) return result(null, existing)
      const id = insertArticle(db, {
        ...a,
        hash: x.hash,
        sourceKind: x.kind,
        sourceName: name,
        raw,
        rawEncoding: x.encoding,
        extractorVersion,
      })
      return result(id, null)
    })
    .immediate() // the write lock first: another process's import waits instead of failing
}

/** A chunk of files is stored and indexed in one transaction, at most this many files … */
const CHUNK_FILES = 250
/** … or what was extracted in this many milliseconds. */
const CHUNK_MS = 1000

export interface ImportOptions {
  /**
   * Brings derived indexes up to date with what a chunk stored, inside the chunk's
   * transaction (the search index's drain): other connections never see articles without
   * their index entries, and a crash loses the chunk whole or not at all.
   */
  index?: () => void
  /** Stops between files; what was stored stays (the report says `cancelled`). */
  signal?: AbortSignal
  /** After every file. */
  onProgress?: (done: number, total: number, source: string) => void
  /** After every chunk's commit. */
  onCommitted?: () => void
  /** After a chunk's transaction failed: forget in-memory state the index built for it. */
  onRollback?: () => void
}

/**
 * Imports sources in order, reporting progress; never throws for a bad source. Files are
 * read and extracted one by one (yielding to the event loop between them) and stored in
 * chunks, each chunk and its index entries in one `BEGIN IMMEDIATE` transaction.
 */
export async function importSources(
  db: Db,
  items: (ImportSource | ImportResult)[],
  emit: Emit,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const results: (ImportResult | null)[] = []
  let pending: { at: number; source: string; x: Extraction; raw: Uint8Array }[] = []
  let chunkStarted = performance.now()
  let extractorVersion = 0
  const commit = () => {
    if (pending.length === 0) return
    const chunk = pending
    pending = []
    try {
      db.transaction(() => {
        for (const p of chunk)
          results[p.at] = store(db, p.source, p.x, p.raw, p.source, extractorVersion)
        options.index?.()
      }).immediate()
    } catch (err) {
      // the library refused the chunk (read-only, busy, disk full): each of its files says so
      options.onRollback?.()
      const e = databaseError(err) ?? toUserError(err)
      for (const p of chunk)
        results[p.at] = failedImport(p.source, { code: e.code, message: e.message })
      return
    }
    options.onCommitted?.()
  }
  for (const [k, item] of items.entries()) {
    if (options.signal?.aborted) break
    if ('read' in item) {
      try {
        const raw = await item.read()
        const { extractFile, EXTRACTOR_VERSION } = await pipeline()
        extractorVersion = EXTRACTOR_VERSION
        const x = extractFile(raw, item.fileName)
        // a chunk's clock starts with its first article (not while the parsers load)
        if (pending.length === 0) chunkStarted = performance.now()
        pending.push({ at: k, source: item.source, x, raw })
        results.push(null)
      } catch (err) {
        results.push(failed(item.source, err))
      }
    } else {
      results.push(item)
    }
    if (
      pending.length >= CHUNK_FILES ||
      (pending.length && performance.now() - chunkStarted >= CHUNK_MS)
    )
      commit()
    emit('import.progress', { done: k + 1, total: items.length, source: item.source })
    options.onProgress?.(k + 1, items.length, item.source)
    // let the event loop breathe between files (progress, cancel, other calls)
    await new Promise((r) => setImmediate(r))
  }
  commit()
  const done = results as ImportResult[]
  if (done.some((r) => r.id !== null)) emit('library.changed', { reason: 'import' })
  return done
}

/** Imports pasted text. */
export async function importPasted(
  db: Db,
  text: string,
  title: string | undefined,
  emit: Emit,
): Promise<ImportResult> {
  const kind: SourceKind = /^\s*(?:<!doctype html|<html[\s>])/i.test(text) ? 'html' : 'txt'
  try {
    const { extractText, EXTRACTOR_VERSION } = await pipeline()
    const x = extractText(text, kind, title)
    const raw = new TextEncoder().encode(text)
    const result = store(db, 'paste', { ...x, kind: 'paste' }, raw, null, EXTRACTOR_VERSION)
    if (result.id !== null) emit('library.changed', { reason: 'import' })
    return result
  } catch (err) {
    return failed('paste', err)
  }
}

export type { Emit, ImportReport }
