/**
 * Imports files, folders, URLs, uploaded files and pasted text into the library. One broken
 * input never stops a batch: it gets a one-line reason and the rest go on.
 */
import { readFileSync, statSync } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ApiEvents } from '../../../shared/contract'
import { MAX_IMPORT_BYTES } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import {
  failedImport,
  type ImportReport,
  type ImportResult,
  type SourceKind,
} from '../../../shared/types'
import type { Db } from '../db/open'
import { findByHash, insertArticle } from '../library/articles'
import { kindForName } from './kinds'
import { loadParsers, looksLikeHtml } from './parsers'
import type { Extraction, KnownFurniture } from './pipeline'

/** One thing to import: where it came from, and how to get its bytes. */
export interface ImportSource {
  /** What the user knows it by: the path, URL or uploaded file name. */
  source: string
  /** The file name that decides its type (.txt, .html, .md). */
  fileName: string
  read: () => Promise<Uint8Array>
}

export type Emit = <E extends keyof ApiEvents>(event: E, payload: ApiEvents[E]) => void

const FETCH_TIMEOUT_MS = 20_000

/** Expands paths and URLs into import sources; folders are walked recursively. */
export async function sourcesFromPaths(
  paths: string[],
): Promise<{ sources: (ImportSource | ImportResult)[]; skipped: number }> {
  const sources: (ImportSource | ImportResult)[] = []
  let skipped = 0
  for (const p of paths) {
    if (/^https?:\/\//i.test(p)) {
      sources.push(urlSource(p))
      continue
    }
    let info
    try {
      info = await stat(p)
    } catch (err) {
      sources.push(failed(p, new UserError('io_error', describeFsError(err))))
      continue
    }
    if (info.isDirectory()) {
      const found = await walkFolder(p)
      skipped += found.skipped
      sources.push(...found.files.map(fileSource))
      if (found.files.length === 0) {
        sources.push(
          failed(p, new UserError('no_text', 'The folder has no .txt, .html, .htm or .md files.')),
        )
      }
    } else {
      sources.push(fileSource(p))
    }
  }
  return { sources, skipped }
}

async function walkFolder(root: string): Promise<{ files: string[]; skipped: number }> {
  const files: string[] = []
  let skipped = 0
  const visited = new Set<string>()
  const visit = async (dir: string) => {
    let real: string
    try {
      real = await realpath(dir)
    } catch {
      return
    }
    if (visited.has(real)) return // symlink loops
    visited.add(real)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const e of entries) {
      // hidden files and the asset folders browsers save next to a page are not articles
      if (e.name.startsWith('.') || /_(?:files|Dateien)$/.test(e.name)) {
        skipped++
        continue
      }
      const full = join(dir, e.name)
      if (
        e.isDirectory() ||
        (e.isSymbolicLink() && (await stat(full).catch(() => null))?.isDirectory())
      )
        await visit(full)
      else if (kindForName(e.name)) files.push(full)
      else skipped++
    }
  }
  await visit(root)
  return { files, skipped }
}

function fileSource(path: string): ImportSource {
  return {
    source: path,
    fileName: basename(path),
    // Read synchronously: for a file of a few kilobytes the promise machinery costs more than
    // the read, and files are capped at MAX_IMPORT_BYTES.
    read: async () => {
      const info = statSync(path)
      if (info.size > MAX_IMPORT_BYTES) throw tooLarge(info.size)
      return readFileSync(path)
    },
  }
}

function urlSource(url: string): ImportSource {
  return {
    source: url,
    fileName: 'page.html',
    read: async () => {
      let res: Response
      try {
        res = await fetch(url, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
          redirect: 'follow',
        })
      } catch (err) {
        throw new UserError('io_error', `Could not fetch the page: ${(err as Error).message}.`)
      }
      if (!res.ok)
        throw new UserError(
          'io_error',
          `The server answered ${res.status} ${res.statusText}.`.replace(' .', '.'),
        )
      const type = res.headers.get('content-type') ?? ''
      if (type && !/text\/html|application\/xhtml|text\/plain|text\/markdown/i.test(type)) {
        throw new UserError(
          'unsupported_type',
          `The page is ${type.split(';')[0]}, not a web page or text.`,
        )
      }
      const bytes = new Uint8Array(await res.arrayBuffer())
      if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(bytes.length)
      return bytes
    },
  }
}

/** An uploaded file (renderer drag and drop, file picker). */
export function bufferSource(name: string, bytes: Uint8Array): ImportSource {
  return { source: name, fileName: basename(name), read: async () => bytes }
}

function tooLarge(size: number): UserError {
  return new UserError(
    'too_large',
    `The file is ${(size / 1048576).toFixed(1)} MB; articles over ${MAX_IMPORT_BYTES / 1048576} MB are not imported.`,
  )
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'No such file or folder.'
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied.'
  return `Cannot read it (${code ?? (err as Error).message}).`
}

function failed(source: string, err: unknown): ImportResult {
  const error =
    err instanceof UserError
      ? { code: err.code, message: err.message }
      : { code: 'internal', message: `Unexpected error: ${(err as Error).message}` }
  return failedImport(source, error)
}

/**
 * The extraction pipeline, with the parsing libraries this kind of input needs (loaded on
 * first need only, so listing and reading start fast and plain text never loads a DOM).
 */
async function pipeline(kind: SourceKind | null) {
  const [mod] = await Promise.all([import('./pipeline'), loadParsers(kind ?? 'txt')])
  return mod
}

/** The kind an input will be extracted as: by its name, and a saved page named .txt is HTML. */
function sniffKind(fileName: string, raw: Uint8Array): SourceKind | null {
  const kind = kindForName(fileName)
  if (kind === 'txt' && looksLikeHtml(Buffer.from(raw.subarray(0, 512)).toString('latin1')))
    return 'html'
  return kind
}

interface Pending {
  source: string
  x: Extraction
  raw: Uint8Array
  name: string | null
  extractorVersion: number
  /** Furniture rules that took lines out of it. */
  hits: number[]
}

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

/** Stores one extraction unless the library already has the same text. Inside a transaction. */
function storeOne(db: Db, p: Pending): ImportResult {
  const a = p.x.article
  const result = (id: number | null, duplicateOf: number | null): ImportResult => ({
    source: p.source,
    id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    words: a.words,
    duplicateOf,
    error: null,
  })
  const existing = findByHash(db, p.x.hash)
  if (existing !== null) return result(null, existing)
  const id = insertArticle(db, {
    ...a,
    hash: p.x.hash,
    sourceKind: p.x.kind,
    sourceName: p.name,
    raw: p.raw,
    rawEncoding: p.x.encoding,
    extractorVersion: p.extractorVersion,
  })
  return result(id, null)
}

/**
 * Stores extractions in one transaction (one commit for many files); each file in a savepoint
 * of its own, so one that cannot be stored fails alone.
 */
function storeAll(db: Db, pending: Pending[], hooks: ImportHooks = {}): ImportResult[] {
  const store = (p: Pending) => {
    const result = storeOne(db, p)
    if (result.id !== null) hooks.afterStore?.(result.id, p.hits)
    return result
  }
  // Usually every file stores: one transaction for all. When one cannot be stored, the batch
  // is rolled back and stored again file by file, each in a savepoint, so it fails alone.
  try {
    return db.transaction(() => pending.map(store))()
  } catch {
    const one = db.transaction(store)
    return db.transaction(() =>
      pending.map((p) => {
        try {
          return one(p)
        } catch (err) {
          return failed(p.source, err)
        }
      }),
    )()
  }
}

/** How many files are imported before the search index catches up. */
const INDEX_EVERY = 500
/** Files stored per transaction, and the longest stretch of work between two yields. */
const BATCH = 200
const SLICE_MS = 40

/**
 * Imports sources one by one, reporting progress; never throws for a bad source.
 * `index` brings derived indexes up to date; it runs every few hundred files and at the end.
 */
export async function importSources(
  db: Db,
  items: (ImportSource | ImportResult)[],
  emit: Emit,
  index: () => Promise<void> = async () => {},
  hooks: ImportHooks = {},
): Promise<ImportResult[]> {
  const extract = hooks.extract ?? plain
  const results: (ImportResult | null)[] = []
  let pending: { at: number; p: Pending }[] = []
  let sliceStart = performance.now()
  let indexedAt = 0
  let reported = 0
  const commit = async (done: number) => {
    if (pending.length) {
      const stored = storeAll(
        db,
        pending.map((x) => x.p),
        hooks,
      )
      pending.forEach((x, k) => (results[x.at] = stored[k]!))
      pending = []
    }
    // progress for every file, sent when its batch is stored
    for (; reported < done; reported++) {
      const it = items[reported]!
      emit('import.progress', { done: reported + 1, total: items.length, source: it.source })
    }
    if (done - indexedAt >= INDEX_EVERY) {
      indexedAt = done
      await index()
    }
    // let the event loop breathe between slices, so the app stays responsive in big imports
    await new Promise((r) => setImmediate(r))
    sliceStart = performance.now()
  }
  for (const [k, item] of items.entries()) {
    if ('read' in item) {
      try {
        const raw = await item.read()
        const { extractFile, EXTRACTOR_VERSION } = await pipeline(sniffKind(item.fileName, raw))
        const { x, hits } = extract((known) => extractFile(raw, item.fileName, known))
        pending.push({
          at: k,
          p: {
            source: item.source,
            x,
            raw,
            name: item.source,
            extractorVersion: EXTRACTOR_VERSION,
            hits,
          },
        })
        results[k] = null
      } catch (err) {
        results[k] = failed(item.source, err)
      }
    } else {
      results[k] = item
    }
    if (
      pending.length >= BATCH ||
      performance.now() - sliceStart >= SLICE_MS ||
      k === items.length - 1
    )
      await commit(k + 1)
  }
  if (pending.length || reported < items.length) await commit(items.length)
  await index()
  const final = results as ImportResult[]
  const stored = final.flatMap((r) => (r.id !== null ? [r.id] : []))
  if (stored.length && hooks.afterBatch) {
    await hooks.afterBatch(stored)
    await index()
  }
  if (final.some((r) => r.id !== null)) emit('library.changed', { reason: 'import' })
  return final
}

/** Imports pasted text. */
export async function importPasted(
  db: Db,
  text: string,
  title: string | undefined,
  emit: Emit,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const kind: SourceKind = looksLikeHtml(text.slice(0, 512)) ? 'html' : 'txt'
  try {
    const { extractText, EXTRACTOR_VERSION } = await pipeline(kind)
    const { x, hits } = (hooks.extract ?? plain)((known) => ({
      ...extractText(text, kind, title, known),
      kind: 'paste',
    }))
    const raw = new TextEncoder().encode(text)
    const p: Pending = {
      source: 'paste',
      x,
      raw,
      name: null,
      extractorVersion: EXTRACTOR_VERSION,
      hits,
    }
    const [result] = storeAll(db, [p], hooks)
    if (result!.error) return result!
    if (result!.id !== null) await hooks.afterBatch?.([result!.id])
    if (result!.id !== null) emit('library.changed', { reason: 'import' })
    return result!
  } catch (err) {
    return failed('paste', err)
  }
}

export type { ImportReport }
