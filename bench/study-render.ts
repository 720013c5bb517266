/**
 * The renderer's side of tinting, in a process of its own (React components compiled with
 * tsconfig.web.json, React in production mode): an article's word spans rendered with and without their status classes.
 * Input: a JSON file of `{ paragraphs, words }`; prints `{ plainMs, tintedMs }`.
 */
import { readFileSync } from 'node:fs'
import { createElement, Fragment } from 'react'
import { renderToString } from 'react-dom/server'
import type { ArticleWords } from '../shared/study'
import { WordText } from '../renderer/src/features/glossary/WordText'
import { tintFor } from '../renderer/src/features/study/tint'

const articles = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  paragraphs: string[]
  words: ArticleWords
}[]

const render = (paragraphs: string[], wordClass?: (w: string) => string | undefined) =>
  renderToString(
    createElement(
      Fragment,
      null,
      paragraphs.map((text, i) =>
        createElement('p', { key: i }, createElement(WordText, { text, wordClass })),
      ),
    ),
  )

// warm up the renderer
for (const a of articles.slice(0, 3)) render(a.paragraphs, tintFor(a.words, 'all'))
const plainMs: number[] = []
const tintedMs: number[] = []
for (const a of articles) {
  let t = performance.now()
  render(a.paragraphs)
  plainMs.push(performance.now() - t)
  t = performance.now()
  render(a.paragraphs, tintFor(a.words, 'all'))
  tintedMs.push(performance.now() - t)
}
process.stdout.write(JSON.stringify({ plainMs, tintedMs }))
