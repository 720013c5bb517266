/**
 * Imports files, folders, URLs and uploaded files into the library (pasted text: pasted.ts).
 * One broken input never stops a batch: it gets a one-line reason and the rest go on.
 */
import type { Emit } from '../context'
import { failedImport, type ImportReport, type ImportResult } from '../../../shared/types'
import { databaseError } from '../db/errors'
import type { Db } from '../db/open'
import { deleteArticle } from '../library/articles'
import { findNearDuplicate, type NearDuplicateCheck, type NewText } from './nearDuplicates'
import { ExtractionAhead, type AheadFile, type AheadResult, type Helper } from './ahead'
import { plain, store, type ImportHooks, type Pending } from './store'
import { pipelineFor as pipeline, sniffKind } from './ahead/extractOne'
import { UserError, type ErrorCode } from '../../../shared/result'
import { failed, toUserError, type ImportSource } from './sources'

export { bufferSource, readAtMost, sourcesFromPaths, type ImportSource } from './sources'
export { importPasted } from './pasted'
export type { ImportHooks } from './store'
export type { NearDuplicateCheck } from './nearDuplicates'

/** An input extracted in its turn or before it (what it needs besides its name to be stored). */
type Extracted = Omit<Pending, 'source' | 'name'>

/** Files extracted here before their turn, at most this many at a time. */
const MAX_EARLY = 256

/**
 * A chunk of files is stored and indexed in one transaction, at most this many files … (the
 * import's thread stores and indexes a chunk while the extraction thread goes on with the
 * next: the last chunk, done after the thread has finished, is the time nobody overlaps)
 */
const CHUNK_FILES = 400
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
  const help: Helper = {
    room: () => early.size < MAX_EARLY,
    extract: async (file) => {
      const item = items[file.at] as ImportSource
      const extracted = item.read().then((raw) => extractHere(item, raw))
      extracted.catch(() => undefined) // awaited in its turn
      early.set(file.at, extracted)
      await extracted.catch(() => undefined)
    },
  }

  try {
    for (const [k, item] of items.entries()) {
      if (options.signal?.aborted) break
      if ('read' in item) {
        try {
          let e = early.get(k)
          early.delete(k)
          if (!e) {
            const done = thread && item.path ? await thread.take(k, help) : null
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

export type { Emit, ImportReport }
