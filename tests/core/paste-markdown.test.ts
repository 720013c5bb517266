/**
 * Markdown pasted in the app (an article copied from a read-later app or a notes app), in a
 * core that has loaded no parser yet: the paste loads what a text may turn out to need. Alone
 * in its file, so no other test has loaded the Markdown parser before (it failed with "an
 * unexpected problem" when only the plain-text parsers were loaded).
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { call, testCore } from '../helpers/core'
import { MARKDOWN_TEXT, MARKDOWN_TEXT_ARTICLE } from '../helpers/fixtures'

it('imports pasted Markdown with its headline, kicker and subheadings', async () => {
  const core = testCore()
  const result = await call(core, 'import.text', { text: readFileSync(MARKDOWN_TEXT, 'utf8') })
  expect(result.error).toBeNull()
  const article = await call(core, 'article.get', { id: result.id! })
  const { title, kicker, outlet, published, paragraphs } = article
  const { url: _url, headings: _headings, ...expected } = MARKDOWN_TEXT_ARTICLE
  expect({ title, kicker, outlet, published, paragraphs }).toEqual(expected)
})
