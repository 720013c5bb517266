/**
 * Libraries of made-up German articles (`german.ts`) written straight into a library file,
 * with the search index built: 2,000 articles for the e2e tests of a real-sized library,
 * 100,000 for the UI benchmark. Much faster than importing files, and the same rows.
 */
import { createCore } from '../../electron/core'
import { contentHash } from '../../electron/core/import/pipeline'
import { insertArticle, setSetting } from '../../electron/core/library/articles'
import { article, type GeneratedArticle } from './german'

const BATCH = 2000

function row(a: GeneratedArticle, n: number) {
  return {
    title: a.title,
    kicker: null,
    outlet: a.outlet,
    published: a.published,
    author: a.author,
    dateline: null,
    url: `https://example.org/artikel/${n}`,
    paragraphs: a.paragraphs,
    headings: [],
    comments: [],
    words: a.paragraphs.join(' ').split(/\s+/).length,
    hash: contentHash([String(n), ...a.paragraphs]),
    sourceKind: 'txt' as const,
    sourceName: `artikel-${n}.txt`,
    raw: new Uint8Array(0),
    rawEncoding: 'utf-8',
    extractorVersion: 1,
  }
}

/**
 * Writes `count` generated articles into the library at `path` (created if new) and brings
 * the search index up to date. The sample library is marked as seen, so it is not added.
 */
export async function buildGeneratedLibrary(
  path: string,
  count: number,
  { seed = 1, onProgress }: { seed?: number; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const core = createCore({ libraryPath: path })
  try {
    await core.search.ready()
    setSetting(core.db, 'sample.loaded', new Date().toISOString())
    for (let i = 0; i < count; i += BATCH) {
      core.db.transaction(() => {
        for (let n = i; n < Math.min(count, i + BATCH); n++)
          insertArticle(core.db, row(article(n, seed), n))
      })()
      core.search.drain({ flush: false })
      onProgress?.(Math.min(count, i + BATCH))
    }
    core.search.drain()
    core.db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    core.close()
  }
}
