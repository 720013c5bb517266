/**
 * The API of page furniture and re-extraction: marking a line, listing and removing rules,
 * re-extracting articles from their originals; and the hooks that make every import use and
 * feed what the library learned.
 */
import type { HandlerInput } from '../../../shared/contract'
import { UserError } from '../../../shared/result'
import type { ReextractReport, SourceKind } from '../../../shared/types'
import type { Db } from '../db/open'
import type { Emit, ImportHooks } from '../import/importer'
import type { Extraction } from '../import/pipeline'
import type { JobRunner } from '../jobs/runner'
import { loadParsers, looksLikeHtml } from '../import/parsers'
import { getArticle } from '../library/articles'
import { articleIds, reextractArticles, type Reextractor } from '../library/reextract'
import { afterArticleStored, extractWithFurniture, learnFromArticles } from '.'
import { addRule, articlesWithLine, backfillLines, getRule, listRules, removeRule } from './store'

const FILE_NAMES: Record<SourceKind, string> = {
  html: 'page.html',
  md: 'page.md',
  txt: 'page.txt',
  paste: 'page.txt',
}

/** The re-extractor: the import pipeline over stored originals, with learned furniture. */
async function reextractor(db: Db): Promise<Reextractor> {
  const [{ extractFile, extractText, EXTRACTOR_VERSION }] = await Promise.all([
    import('../import/pipeline'),
    loadParsers(),
  ])
  return {
    version: EXTRACTOR_VERSION,
    extract: (raw, kind, _name, storedTitle) => {
      if (kind === 'paste') {
        // pasted text keeps the title it was given
        const text = new TextDecoder().decode(raw)
        const as = looksLikeHtml(text.slice(0, 512)) ? 'html' : 'txt'
        return extractWithFurniture(db, (known) => ({
          ...extractText(text, as, storedTitle, known),
          kind: 'paste',
        }))
      }
      return extractWithFurniture(db, (known) => extractFile(raw, FILE_NAMES[kind], known))
    },
    afterReplace: (id, hits) => afterArticleStored(db, id, hits),
  }
}

/** Extracts the articles `ids` again from their originals, with learned furniture. */
export async function reextractIds(
  db: Db,
  ids: number[],
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  indexing?: {
    index: () => void
    prime: (x: Extraction) => void
    onCommitted: () => void
    cancelled: () => boolean
  },
): Promise<ReextractReport> {
  return reextractArticles(db, ids, await reextractor(db), { onProgress, signal, ...indexing })
}

/**
 * How every import uses and feeds what the library learned: known furniture applied as each
 * input is extracted, its lines recorded as it is stored, and the outlets' templates learnt
 * from the batch (the articles a new template line is found in are cleaned by `reextract`).
 * The same hooks serve imports in the main process and in the job worker.
 */
export function furnitureImportHooks(
  db: Db,
  reextract: (ids: number[]) => Promise<unknown>,
): ImportHooks {
  return {
    extract: (runExtraction) => extractWithFurniture(db, runExtraction),
    afterStore: (id, hits) => afterArticleStored(db, id, hits, true),
    afterBatch: async (ids) => {
      backfillLines(db)
      const affected = learnFromArticles(db, ids)
      if (affected.length) await reextract(affected)
    },
  }
}

export function furnitureHandlers(
  db: Db,
  ctx: { emit: Emit; reindex: () => Promise<void>; jobs?: JobRunner },
) {
  const run = async (ids: number[], progress = false): Promise<ReextractReport> => {
    const report = await reextractIds(
      db,
      ids,
      progress ? (done, total) => ctx.emit('reextract.progress', { done, total }) : undefined,
    )
    await ctx.reindex()
    if (report.changed) ctx.emit('library.changed', { reason: 'reextract' })
    return report
  }

  const hooks = furnitureImportHooks(db, run)

  const handlers = {
    'library.reextract': async ({ ids, outdated }: HandlerInput<'library.reextract'>) => {
      // a job where there is a worker (the app): progress, cancel, the main thread free
      if (ctx.jobs) {
        const report = await ctx.jobs.run('library.reextract', { ids, outdated })
        await ctx.reindex()
        if (report.changed) ctx.emit('library.changed', { reason: 'reextract' })
        return report
      }
      const { EXTRACTOR_VERSION } = await import('../import/pipeline')
      const list = ids.length ? ids : articleIds(db, { outdated, version: EXTRACTOR_VERSION })
      return run(list, true)
    },
    'library.outdated': async () => {
      const { EXTRACTOR_VERSION } = await import('../import/pipeline')
      const count = db
        .prepare('SELECT count(*) FROM articles WHERE extractor_version < ?')
        .pluck()
        .get(EXTRACTOR_VERSION) as number
      return { count }
    },
    'furniture.list': ({ outlet }: HandlerInput<'furniture.list'>) => {
      backfillLines(db)
      return listRules(db, outlet)
    },
    'furniture.mark': async ({ id, text, scope }: HandlerInput<'furniture.mark'>) => {
      const article = getArticle(db, id)
      if (!article) throw new UserError('not_found', `There is no article ${id} in the library.`)
      const line = text.trim()
      if (![article.title, article.kicker, ...article.paragraphs].includes(line))
        throw new UserError('invalid_input', `Article ${id} has no line "${line.slice(0, 60)}".`)
      if (scope === 'outlet' && !article.outlet)
        throw new UserError(
          'invalid_input',
          'This article has no outlet; mark the line as furniture everywhere instead.',
        )
      backfillLines(db)
      const outlet = scope === 'outlet' ? article.outlet : null
      const ruleId = db.transaction(() => addRule(db, { outlet, text: line, source: 'user' }))()
      const ids = [...new Set([id, ...articlesWithLine(db, line, outlet)])]
      const report = await run(ids)
      return { rule: getRule(db, ruleId)!, report }
    },
    'furniture.remove': async ({ id }: HandlerInput<'furniture.remove'>) => {
      const { removed, articles } = db.transaction(() => removeRule(db, id))()
      if (!removed) throw new UserError('not_found', `There is no furniture rule ${id}.`)
      return { removed, report: await run(articles) }
    },
  }
  return { handlers, hooks }
}
