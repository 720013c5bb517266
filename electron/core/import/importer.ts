/**
 * Imports files, folders, URLs, uploaded files and pasted text into the library. One broken
 * input never stops a batch: it gets a one-line reason and the rest go on.
 */
import type { Emit } from '../context'
import type { ImportReport, ImportResult, SourceKind } from '../../../shared/types'
import type { Db } from '../db/open'
import { findByHash, insertArticle } from '../library/articles'
import { loadParsers } from './parsers'
import type { Extraction } from './pipeline'
import { failed, type ImportSource } from './sources'

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

/**
 * Imports sources one by one, reporting progress; never throws for a bad source.
 * `index` brings derived indexes up to date; it runs every few hundred files and at the end.
 */
export async function importSources(
  db: Db,
  items: (ImportSource | ImportResult)[],
  emit: Emit,
  index: () => Promise<void> = async () => {},
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
  if (results.some((r) => r.id !== null)) emit('library.changed', { reason: 'import' })
  return results
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
