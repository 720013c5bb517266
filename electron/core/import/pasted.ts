/** Importing pasted text: one text, checked for near-duplicates before it is stored. */
import type { Emit } from '../context'
import type { ImportResult, SourceKind } from '../../../shared/types'
import { databaseError } from '../db/errors'
import type { Db } from '../db/open'
import { findByHash } from '../library/articles'
import { pipelineFor as pipeline } from './ahead/extractOne'
import { findNearDuplicate, type NearDuplicateCheck } from './nearDuplicates'
import { looksLikeHtml } from './parsers'
import { failed } from './sources'
import { plain, store, type ImportHooks, type Pending } from './store'

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
