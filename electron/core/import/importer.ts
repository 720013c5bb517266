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
import { deleteArticle, findByHash, insertArticle } from '../library/articles'
import type { SearchIndex } from '../search'
import { importAsNewerVersion } from '../versions/update'
import { findNearDuplicate, type NewText } from './nearDuplicates'
import type { NearProbe } from './nearProbe'
import { ExtractionAhead, type AheadFile, type AheadResult } from './ahead'
import { pipelineFor as pipeline, sniffKind } from './ahead/extractOne'
import { looksLikeHtml } from './parsers'
import type { Extraction, KnownFurniture } from './pipeline'
import { UserError, type ErrorCode } from '../../../shared/result'
import { failed, toUserError, type ImportSource } from './sources'

export { bufferSource, readAtMost, sourcesFromPaths, type ImportSource } from './sources'

/** How the library takes part in an import (learned furniture, bookkeeping, learning). */
export interface ImportHooks {
  /** Extracts one input; may apply what the library learned. Default: the plain extraction. */
  extract?: (run: (known?: KnownFurniture) => Extraction) => { x: Extraction; hits: number[] }
  /** After an article was stored, inside its transaction. */
  afterStore?: (id: number, hits: number[]) => void
  /** After a batch was stored and indexed: learning from the new articles. */
  afterBatch?: (ids: number[]) => Promise<void>
}

const plain: NonNullable<ImportHooks['extract']> = (run) => ({ x: run(), hits: [] })

/** One extracted input waiting to be stored. */
interface Pending {
  source: string
  x: Extraction
  raw: Uint8Array
  name: string | null
  extractorVersion: number
  /** Furniture rules that took lines out of it. */
  hits: number[]
  /** Its near-duplicate probe, when it was computed already. */
  probe?: NearProbe
}

/**
 * Stores one extraction unless the library already has the same text, in a savepoint of its
 * own: a file that cannot be stored fails alone. The library's own troubles (read-only,
 * busy, disk full) are rethrown, because they concern every file of the chunk.
 */
function store(db: Db, p: Pending, hooks: ImportHooks): ImportResult {
  const x = p.x
  const a = x.article
  const result = (id: number | null, duplicateOf: number | null): ImportResult => ({
    source: p.source,
    id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    words: a.words,
    duplicateOf,
    nearDuplicateOf: null,
    error: null,
    warning: x.replaced
      ? {
          code: 'invalid_bytes',
          message: `${x.replaced} ${x.replaced === 1 ? 'byte was' : 'bytes were'} not valid ${x.encoding.toUpperCase()} and ${x.replaced === 1 ? 'was' : 'were'} replaced by \ufffd.`,
        }
      : null,
  })
  try {
    return db.transaction((): ImportResult => {
      const existing = findByHash(db, x.hash)
      if (existing !== null) return result(null, existing)
      // the same URL again with another text: a newer version of that article (versions room)
      const newer = importAsNewerVersion(db, x, {
        raw: p.raw,
        sourceName: p.name,
        extractorVersion: p.extractorVersion,
      })
      if (newer && 'duplicateOf' in newer) return result(null, newer.duplicateOf)
      if (newer) return { ...result(newer.id, null), updated: newer.update }
      const id = insertArticle(db, {
        ...a,
        hash: x.hash,
        sourceKind: x.kind,
        sourceName: p.name,
        raw: p.raw,
        rawEncoding: x.encoding,
        extractorVersion: p.extractorVersion,
      })
      hooks.afterStore?.(id, p.hits)
      return result(id, null)
    })()
  } catch (err) {
    if (databaseError(err)) throw err
    console.error(`[lesesaal] storing ${p.source} failed:`, err)
    return failedImport(p.source, {
      code: 'internal',
      message: 'The article could not be stored in the library; the details are in the log.',
    })
  }
}

/** An input extracted and waiting to be stored. */
interface Extracted {
  x: Extraction
  hits: number[]
  raw: Uint8Array
  extractorVersion: number
  /** The near-duplicate probe of its text, when the second thread computed it. */
  probe?: NearProbe
}

/** Files extracted here before their turn, at most this many at a time. */
const MAX_EARLY = 256

/** A chunk of files is stored and indexed in one transaction, at most this many files … */
const CHUNK_FILES = 1000
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
  /** How the library takes part: learned page furniture applied, and learnt from the batch. */
  hooks?: ImportHooks
  /** Texts nearly the same as an article of the library: reported and left out, or imported. */
  near?: NearDuplicateCheck
  /**
   * Files read and extracted by a second thread: 'auto' for imports of many files (the
   * default), 'always', 'never'; 'only' (tests): the second thread extracts every file, the
   * import's thread none.
   */
  ahead?: 'auto' | 'always' | 'only' | 'never'
}

/** How an import treats texts nearly the same as an article of the library. */
export interface NearDuplicateCheck {
  search: SearchIndex
  /** 'skip': report them and leave them out (the default); 'import': import them anyway. */
  mode: 'skip' | 'import'
}

/**
 * Every article just stored (with the paragraphs it was stored with) is compared with the
 * articles before it (the index is up to date: each chunk was indexed in its transaction); a
 * near-duplicate is taken out again, with its index entries, and reported as `nearDuplicateOf`.
 */
async function leaveOutNearDuplicates(
  db: Db,
  stored: { r: ImportResult; text: NewText }[],
  options: ImportOptions,
): Promise<void> {
  const found: ImportResult[] = []
  for (const { r, text } of stored) {
    if (r.id === null || r.updated) continue
    const match = await findNearDuplicate(db, options.near!.search, text, r.id)
    if (match) {
      r.nearDuplicateOf = match
      found.push(r)
    }
  }
  if (found.length === 0) return
  try {
    db.transaction(() => {
      for (const r of found) deleteArticle(db, r.id!)
      options.index?.()
    }).immediate()
  } catch (err) {
    // they stay imported; the report still says what they are nearly the same as
    options.onRollback?.()
    console.error('[lesesaal] leaving out near-duplicates failed:', err)
    return
  }
  for (const r of found) r.id = null
  options.onCommitted?.()
}

/**
 * Imports sources in order, reporting progress; never throws for a bad source. Files are
 * read and extracted one by one (yielding to the event loop between them; in a large import
 * of files, by a second thread ahead of this one) and stored in chunks, each chunk and its
 * index entries in one `BEGIN IMMEDIATE` transaction. With `near`, each chunk's texts are
 * then compared with the articles before them (the index is up to date by then), and a
 * near-duplicate is taken out again and reported.
 */
export async function importSources(
  db: Db,
  items: (ImportSource | ImportResult)[],
  emit: Emit,
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const hooks = options.hooks ?? {}
  const extract = hooks.extract ?? plain
  const results: (ImportResult | null)[] = []
  let pending: { at: number; p: Pending }[] = []
  let chunkStarted = performance.now()
  const commit = async () => {
    if (pending.length === 0) return
    const chunk = pending
    pending = []
    try {
      db.transaction(() => {
        for (const { at, p } of chunk) results[at] = store(db, p, hooks)
        options.index?.()
      }).immediate()
    } catch (err) {
      // the library refused the chunk (read-only, busy, disk full): each of its files says so
      options.onRollback?.()
      const e = databaseError(err) ?? toUserError(err)
      for (const { at, p } of chunk)
        results[at] = failedImport(p.source, { code: e.code, message: e.message })
      return
    }
    options.onCommitted?.()
    // the chunk's texts are compared with the articles before them (the extraction thread,
    // if any, goes on meanwhile)
    if (options.near?.mode === 'skip')
      await leaveOutNearDuplicates(
        db,
        chunk.map(({ at, p }) => ({
          r: results[at]!,
          text: { paragraphs: p.x.article.paragraphs, outlet: p.x.article.outlet, probe: p.probe },
        })),
        options,
      )
  }
  // a large import of files has another thread read and extract them ahead
  const files: AheadFile[] = []
  items.forEach((item, at) => {
    if ('read' in item && item.path) files.push({ at, path: item.path, fileName: item.fileName })
  })
  const thread =
    options.ahead === 'never' || options.signal?.aborted
      ? null
      : ExtractionAhead.start(files, {
          always: options.ahead === 'always' || options.ahead === 'only',
          share: options.ahead !== 'only',
        })
  // otherwise the next file is read while this one is extracted (reading waits on the disk)
  let ahead = null as { at: number; raw: Promise<Uint8Array> } | null
  const readAhead = (at: number) => {
    const next = items[at]
    if (!next || !('read' in next) || (thread && next.path)) return (ahead = null)
    const raw = next.read()
    raw.catch(() => undefined) // awaited when its turn comes (or never, after a cancel)
    ahead = { at, raw }
  }
  /** One input extracted in this thread (with the thread's plain extraction, when it has one). */
  const extractHere = async (
    item: ImportSource,
    raw: Uint8Array,
    fromThread: (AheadResult & { ok: true }) | null = null,
  ): Promise<Extracted> => {
    const { extractFile, EXTRACTOR_VERSION } = await pipeline(sniffKind(item.fileName, raw))
    // the thread's extraction is the plain one; with learned furniture it runs again here
    const { x, hits } = extract((known) =>
      fromThread && !known ? fromThread.x : extractFile(raw, item.fileName, known),
    )
    return {
      x,
      hits,
      raw,
      extractorVersion: fromThread?.extractorVersion ?? EXTRACTOR_VERSION,
      // the thread's probe is of the thread's text
      probe: fromThread && x === fromThread.x ? fromThread.probe : undefined,
    }
  }
  // files this thread extracted before their turn, while the second thread was on an earlier one
  const early = new Map<number, Promise<Extracted>>()
  const help = async (file: AheadFile) => {
    const item = items[file.at] as ImportSource
    const extracted = item.read().then((raw) => extractHere(item, raw))
    extracted.catch(() => undefined) // awaited in its turn
    early.set(file.at, extracted)
    await extracted.catch(() => undefined)
  }
  try {
    for (const [k, item] of items.entries()) {
      if (options.signal?.aborted) break
      if ('read' in item) {
        try {
          let e = early.get(k)
          early.delete(k)
          if (!e) {
            const done =
              thread && item.path
                ? await thread.take(k, early.size < MAX_EARLY ? help : undefined)
                : null
            if (done && !done.ok)
              throw new UserError(done.error.code as ErrorCode, done.error.message)
            const reading = done ? null : ahead?.at === k ? ahead.raw : item.read()
            readAhead(k + 1)
            e = extractHere(item, done ? done.raw : await reading!, done)
          }
          const { x, hits, raw, extractorVersion, probe } = await e
          // a chunk's clock starts with its first article (not while the parsers load)
          if (pending.length === 0) chunkStarted = performance.now()
          pending.push({
            at: k,
            p: { source: item.source, x, raw, name: item.source, extractorVersion, hits, probe },
          })
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
        await commit()
      emit('import.progress', { done: k + 1, total: items.length, source: item.source })
      options.onProgress?.(k + 1, items.length, item.source)
      // let the event loop breathe between files (progress, cancel, other calls)
      await new Promise((r) => setImmediate(r))
    }
    await commit()
  } finally {
    await thread?.stop()
  }
  const done = results as ImportResult[]
  const stored = done.flatMap((r) => (r.id !== null ? [r.id] : []))
  if (stored.length && hooks.afterBatch) await hooks.afterBatch(stored)
  if (stored.length) emit('library.changed', { reason: 'import' })
  return done
}

/** Imports pasted text; with `near` in 'skip' mode, a near-duplicate is reported, not stored. */
export async function importPasted(
  db: Db,
  text: string,
  title: string | undefined,
  emit: Emit,
  hooks: ImportHooks = {},
  near?: NearDuplicateCheck,
): Promise<ImportResult> {
  const kind: SourceKind = looksLikeHtml(text.slice(0, 512)) ? 'html' : 'txt'
  try {
    const { extractText, EXTRACTOR_VERSION } = await pipeline(kind)
    const { x, hits } = (hooks.extract ?? plain)((known) => ({
      ...extractText(text, kind, title, known),
      kind: 'paste',
    }))
    if (near?.mode === 'skip' && findByHash(db, x.hash) === null) {
      const match = await findNearDuplicate(db, near.search, x.article)
      if (match) {
        const a = x.article
        return {
          source: 'paste',
          id: null,
          title: a.title,
          outlet: a.outlet,
          published: a.published,
          words: a.words,
          duplicateOf: null,
          nearDuplicateOf: match,
          error: null,
        }
      }
    }
    const p: Pending = {
      source: 'paste',
      x,
      raw: new TextEncoder().encode(text),
      name: null,
      extractorVersion: EXTRACTOR_VERSION,
      hits,
    }
    // the write lock first: another process's import waits instead of failing
    const result = db.transaction(() => store(db, p, hooks)).immediate()
    if (result.id !== null) {
      await hooks.afterBatch?.([result.id])
      emit('library.changed', { reason: 'import' })
    }
    return result
  } catch (err) {
    return failed('paste', databaseError(err) ?? err)
  }
}

export type { Emit, ImportReport }
