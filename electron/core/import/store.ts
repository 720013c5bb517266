/**
 * Storing one extracted input: unless the library has the same text already, as a new
 * article or as a newer version of one, with the hooks through which the library takes part.
 */
import { failedImport, type ImportResult } from '../../../shared/types'
import { databaseError } from '../db/errors'
import type { Db } from '../db/open'
import { findByHash, insertArticle } from '../library/articles'
import { importAsNewerVersion } from '../versions/update'
import type { NearProbe } from './nearProbe'
import type { Extraction, KnownFurniture } from './pipeline'

/** How the library takes part in an import (learned furniture, bookkeeping, learning). */
export interface ImportHooks {
  /** Extracts one input; may apply what the library learned. Default: the plain extraction. */
  extract?: (run: (known?: KnownFurniture) => Extraction) => { x: Extraction; hits: number[] }
  /** After an article was stored, inside its transaction. */
  afterStore?: (id: number, hits: number[]) => void
  /** After a batch was stored and indexed: learning from the new articles. */
  afterBatch?: (ids: number[]) => Promise<void>
}

export const plain: NonNullable<ImportHooks['extract']> = (run) => ({ x: run(), hits: [] })

/** One extracted input waiting to be stored. */
export interface Pending {
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
export function store(db: Db, p: Pending, hooks: ImportHooks): ImportResult {
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
