/**
 * Pages in styles the cleanup rules were not written for (a broadcaster, a regional paper, a
 * magazine, a paywall teaser, a live ticker, a press release, a blog, an agency portal, a
 * Latin-1 page, a page with comments). The texts are invented; the expected answers were
 * written down before the rules were tuned.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ExtractedArticle } from '../../electron/core/import/extract'
import { loadParsers } from '../../electron/core/import/parsers'
import { extractFile } from '../../electron/core/import/pipeline'
import { ROOT } from '../helpers/fixtures'

interface Expected {
  style: string
  title: string
  kicker: string | null
  outlet: string | null
  published: string | null
  author: string | null
  dateline?: string | null
  url?: string
  encoding?: string
  paragraphs?: string[]
  headings?: number[]
  containsInOrder?: string[]
  mustNotContain: string[]
  comments: number
  commentAuthors?: string[]
  commentDates?: string[]
}

export function unseenCases(folder: string): [string, Expected][] {
  const dir = join(ROOT, 'tests/fixtures', folder)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Expected
  >
  return Object.entries(expected)
}

export function describeUnseen(folder: string) {
  const dir = join(ROOT, 'tests/fixtures', folder)
  describe.each(unseenCases(folder))('%s', (file, exp) => {
    let article: ExtractedArticle
    let encoding: string
    beforeAll(async () => {
      await loadParsers()
      ;({ article, encoding } = extractFile(readFileSync(join(dir, file)), file))
    })

    it(`finds the headline of the ${exp.style} page, not a menu line`, () => {
      expect({ title: article.title, kicker: article.kicker }).toEqual({
        title: exp.title,
        kicker: exp.kicker,
      })
    })

    it('reads outlet, date and author', () => {
      expect({
        outlet: article.outlet,
        published: article.published,
        author: article.author,
      }).toEqual({ outlet: exp.outlet, published: exp.published, author: exp.author })
      if (exp.dateline !== undefined) expect(article.dateline).toBe(exp.dateline)
      if (exp.url) expect(article.url).toBe(exp.url)
    })

    it('keeps the article text', () => {
      if (exp.paragraphs) {
        expect(article.paragraphs).toEqual(exp.paragraphs)
        expect(article.headings).toEqual(exp.headings ?? [])
      }
      if (exp.containsInOrder) {
        const body = article.paragraphs.join('\n')
        let from = 0
        for (const part of exp.containsInOrder) {
          const at = body.indexOf(part, from)
          expect(at, part).toBeGreaterThanOrEqual(0)
          from = at + part.length
        }
      }
    })

    it('leaves the page furniture out', () => {
      const body = [article.kicker, article.title, ...article.paragraphs].join('\n')
      for (const snippet of exp.mustNotContain) expect(body).not.toContain(snippet)
    })

    it('keeps reader comments apart', () => {
      expect(article.comments).toHaveLength(exp.comments)
      if (exp.commentAuthors)
        expect(article.comments.map((c) => c.author)).toEqual(exp.commentAuthors)
      if (exp.commentDates) expect(article.comments.map((c) => c.posted)).toEqual(exp.commentDates)
    })

    if (exp.encoding) {
      it('reads the legacy encoding', () => {
        expect(encoding).toBe(exp.encoding)
        expect(article.paragraphs.join(' ')).not.toMatch(/Ã|\uFFFD/)
      })
    }
  })
}

/**
 * The folders, in the order they were written; what each round held on its first run and what
 * it taught is in docs/DECISIONS.md. From the third on, the texts were written blind by someone
 * who had not seen the extractor, with the expected answers first.
 */
const ROUNDS: [folder: string, what: string][] = [
  ['unseen', 'pages in styles the rules were not written for'],
  // written with the others but kept aside until the rules were done
  ['unseen-heldout', 'pages kept aside while the rules were tuned'],
  // a Swiss daily, an Austrian broadcaster, an interview, a fact check, an old table page, AMP…
  ['unseen-round3', 'pages written blind, in ten further styles'],
  // subtitles, a wiki page, a PDF copy, a forwarded mail, a newsletter, a thread, a letters page
  ['unseen-round4', 'texts as people paste them, written blind'],
  // a Q&A explainer, a police release, a listicle, a print view, an op-ed, an agency round-up…
  ['unseen-round5', 'pages written blind, in a fifth round of styles'],
  // written during the fifth round's fixes and run only once they were done
  ['unseen-round6', 'pages kept aside during the fifth round'],
  // a phone's reader mode, a two-column PDF, a messenger post, a draft, a live blog, a notice…
  ['unseen-round7', 'texts from the places people copy them, written blind'],
  // a web newsletter, footnotes and a fact box, show notes, a tabloid, a column, a party's release
  ['unseen-round8', 'pages written blind, in an eighth round of styles'],
  // a script-rendered page, a paginated page, a film review, a release on a science portal,
  // an archive export in Windows-1252, a phone's "select all", a trade magazine, a bilingual region
  ['unseen-round9', 'pages and pastes written blind, in a ninth round of styles'],
  // a broadcaster's video page, a Swiss paste, a read-later app's Markdown, a feed reader's copy
  ['unseen-round10', 'texts kept aside during the ninth round'],
  // a page saved as one file, a blogging platform, a forum thread, an election with its table,
  // a parish newsletter, a ministry's release (expected-open.json: the two not met yet)
  ['unseen-round11', 'pages and pastes written blind, in an eleventh round of styles'],
  // a web archive's replay, a reader view, an explainer with contents, satire, pro and contra,
  // a translated feature, a radio station's press review, a match report with its line-ups
  ['unseen-round12', 'pages and pastes written blind, in a twelfth round of styles'],
  // a regional broadcaster with an embedded post, an obituary pasted as text, a cookie wall
  // copied with the article (expected-open.json: a union's release, its outlet not met)
  ['unseen-round13', 'texts kept aside during the twelfth round'],
  // breaking news, a wire service's export, a weather report with its table, a list of speed
  // checks, a minority's paper abroad, an expert chat (expected-open.json: two not met yet)
  ['unseen-round14', 'pages and texts written blind, in a fourteenth round of styles'],
  // a town's portal, a magazine pasted as text, a sports club's post, a ticker's summary
  ['unseen-round15', 'texts kept aside during the fourteenth round'],
  // a wiki page with its person box, a hard-wrapped agency lead, a police report with its
  // related articles, a copied page with menus first, a question, a kicker and "Stand:", a
  // forum repost
  ['unseen-round16', 'plain texts written blind, in a sixteenth round of styles'],
]

for (const [folder, what] of ROUNDS) describe(what, () => describeUnseen(folder))
