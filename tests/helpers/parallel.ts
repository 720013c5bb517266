/** Puts the parallel-reading fixtures into a library through the real import (Markdown with front matter). */
import type { Core } from '../../electron/core'
import { markdown, type FixtureStory, type PlainArticle } from '../fixtures/parallel/gold'
import { call } from './core'

/** Imports articles; returns their ids in order. */
export async function importArticles(
  core: Core,
  articles: (PlainArticle & { author?: string | null })[],
): Promise<number[]> {
  const report = await call(core, 'import.files', {
    files: articles.map((a, i) => ({
      name: `article-${i}.md`,
      data: Buffer.from(markdown(a)).toString('base64'),
    })),
  })
  return report.results.map((r) => {
    if (r.id === null) throw new Error(`import failed: ${JSON.stringify(r)}`)
    return r.id
  })
}

/** Imports a story fixture: its articles, then its wire copy and unrelated article if any. */
export async function importStory(
  core: Core,
  story: FixtureStory,
): Promise<{ articles: number[]; wireCopy: number | null; unrelated: number | null }> {
  const articles = await importArticles(core, story.articles)
  const [wireCopy] = story.wireCopy ? await importArticles(core, [story.wireCopy]) : [null]
  const [unrelated] = story.unrelated ? await importArticles(core, [story.unrelated]) : [null]
  return { articles, wireCopy: wireCopy ?? null, unrelated: unrelated ?? null }
}
