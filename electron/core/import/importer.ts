/**
 * Imports files, folders, URLs, uploaded files and pasted text into the library. One broken
 * input never stops a batch: it gets a one-line reason and the rest go on.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Emit } from '../context'
import { MAX_IMPORT_BYTES } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import {
  failedImport,
  type ImportReport,
  type ImportResult,
  type SourceKind,
} from '../../../shared/types'
import type { Db } from '../db/open'
import { deleteArticle, findByHash, insertArticle } from '../library/articles'
import { stmt } from '../db/statements'
import type { SearchIndex } from '../search'
import { findNearDuplicate } from './nearDuplicates'
import { kindForName } from './kinds'
import { loadParsers } from './parsers'
import type { Extraction } from './pipeline'

/** One thing to import: where it came from, and how to get its bytes. */
export interface ImportSource {
  /** What the user knows it by: the path, URL or uploaded file name. */
  source: string
  /** The file name that decides its type (.txt, .html, .md). */
  fileName: string
  read: () => Promise<Uint8Array>
}

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
    read: async () => {
      const info = await stat(path)
      if (info.size > MAX_IMPORT_BYTES) throw tooLarge(info.size)
      return readFile(path)
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
    nearDuplicateOf: null,
    error: null,
  })
  return db.transaction((): ImportResult => {
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
  })()
}

/** How many files are imported before the search index catches up. */
const INDEX_EVERY = 500

/** How an import treats texts nearly the same as an article of the library. */
export interface NearDuplicateCheck {
  search: SearchIndex
  /** 'skip': report them and leave them out (the default); 'import': import them anyway. */
  mode: 'skip' | 'import'
}

/**
 * Imports sources one by one, reporting progress; never throws for a bad source.
 * `index` brings derived indexes up to date; it runs every few hundred files and at the end.
 * With `near`, every imported text is then compared with the articles before it (the index is
 * up to date by then, so no search forces an index write per file), and a near-duplicate is
 * taken out again and reported.
 */
export async function importSources(
  db: Db,
  items: (ImportSource | ImportResult)[],
  emit: Emit,
  index: () => Promise<void> = async () => {},
  near?: NearDuplicateCheck,
): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const [k, item] of items.entries()) {
    if ('read' in item) {
      try {
        const raw = await item.read()
        const { extractFile, EXTRACTOR_VERSION } = await pipeline()
        results.push(
          store(
            db,
            item.source,
            extractFile(raw, item.fileName),
            raw,
            item.source,
            EXTRACTOR_VERSION,
          ),
        )
      } catch (err) {
        results.push(failed(item.source, err))
      }
    } else {
      results.push(item)
    }
    emit('import.progress', {
      done: k + 1,
      total: items.length,
      source: item.source,
    })
    if ((k + 1) % INDEX_EVERY === 0) await index()
    // let the event loop breathe between files, so the app stays responsive during big imports
    await new Promise((r) => setImmediate(r))
  }
  await index()
  if (near?.mode === 'skip') await leaveOutNearDuplicates(db, results, near.search, index)
  if (results.some((r) => r.id !== null)) emit('library.changed', { reason: 'import' })
  return results
}

async function leaveOutNearDuplicates(
  db: Db,
  results: ImportResult[],
  search: SearchIndex,
  index: () => Promise<void>,
): Promise<void> {
  const found: ImportResult[] = []
  for (const r of results) {
    if (r.id === null) continue
    // pluck set here: the statement cache shares this statement (and its mode) with other rooms
    const paragraphs = stmt(
      db,
      'SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position',
    )
      .pluck(true)
      .all(r.id) as string[]
    const match = await findNearDuplicate(db, search, { paragraphs, outlet: r.outlet }, r.id)
    if (match) {
      r.nearDuplicateOf = match
      found.push(r)
    }
  }
  if (found.length === 0) return
  db.transaction(() => {
    for (const r of found) deleteArticle(db, r.id!)
  })()
  for (const r of found) r.id = null
  await index()
}

/** Imports pasted text; with `near` in 'skip' mode, a near-duplicate is reported, not stored. */
export async function importPasted(
  db: Db,
  text: string,
  title: string | undefined,
  emit: Emit,
  near?: NearDuplicateCheck,
): Promise<ImportResult> {
  const kind: SourceKind = /^\s*(?:<!doctype html|<html[\s>])/i.test(text) ? 'html' : 'txt'
  try {
    const { extractText, EXTRACTOR_VERSION } = await pipeline()
    const x = extractText(text, kind, title)
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
    const raw = new TextEncoder().encode(text)
    const result = store(db, 'paste', { ...x, kind: 'paste' }, raw, null, EXTRACTOR_VERSION)
    if (result.id !== null) emit('library.changed', { reason: 'import' })
    return result
  } catch (err) {
    return failed('paste', err)
  }
}

export type { Emit, ImportReport }
