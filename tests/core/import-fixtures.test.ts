/**
 * Real-looking saved pages from four (invented) outlets, each with its own boilerplate. The
 * clean text of each must come out exactly as the sample article it was made from.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadParsers } from '../../electron/core/import/parsers'
import type { ExtractedArticle } from '../../electron/core/import/extract'
import { extractFile } from '../../electron/core/import/pipeline'
import { UserError } from '../../shared/result'
import { expected, fixture, readSample, type ExpectedArticle } from '../helpers/fixtures'

beforeAll(() => loadParsers())

const articles = Object.entries(expected).filter(
  (e): e is [string, ExpectedArticle] =>
    typeof e[1] === 'object' && e[1] !== null && 'title' in e[1],
)

describe.each(articles)('importing %s', (file, exp) => {
  let article: ExtractedArticle
  let encoding: string
  beforeAll(async () => {
    await loadParsers()
    ;({ article, encoding } = extractFile(fixture(file), file))
  })

  it('finds title, kicker, outlet, date, author, dateline and url', () => {
    expect({
      title: article.title,
      kicker: article.kicker,
      outlet: article.outlet,
      published: article.published,
      author: article.author,
      dateline: article.dateline,
      url: article.url,
    }).toEqual({
      title: exp.title,
      kicker: exp.kicker,
      outlet: exp.outlet,
      published: exp.published,
      author: exp.author,
      dateline: exp.dateline,
      url: exp.url,
    })
  })

  it('keeps exactly the article text, paragraph by paragraph', () => {
    if (exp.sample) {
      const sample = readSample(exp.sample)
      expect(article.paragraphs).toEqual(sample.paragraphs)
      expect(article.headings).toEqual(sample.headings)
    } else {
      expect(article.paragraphs).toEqual(exp.paragraphs)
    }
  })

  it('removes every piece of page furniture', () => {
    const body = article.paragraphs.join('\n')
    for (const snippet of exp.mustNotContain ?? []) expect(body).not.toContain(snippet)
  })

  it('keeps reader comments apart from the article, with author, date and title', () => {
    expect(article.comments).toEqual(exp.comments)
  })

  if (exp.encoding) {
    it('reads the legacy encoding with umlauts intact', () => {
      expect(encoding).toBe('windows-1252')
      expect(article.title).toMatch(/[äöüÄÖÜß]/)
      expect(article.paragraphs.join(' ')).not.toMatch(/Ã|\uFFFD/)
    })
  }
})

describe('files that are not articles', () => {
  const reject = (name: string) => {
    try {
      extractFile(fixture(name), name)
    } catch (err) {
      return err as UserError
    }
    throw new Error(`${name} was accepted`)
  }

  it('refuses an empty file with a one-line reason', () => {
    const err = reject('empty.txt')
    expect(err.code).toBe('empty_file')
    expect(err.message).not.toContain('\n')
  })

  it('refuses a file of only white space', () => {
    expect(reject('blank.txt').code).toBe('empty_file')
  })

  it('refuses binary data', () => {
    expect(reject('binary.txt').code).toBe('binary_file')
  })

  it('refuses file types it cannot read', () => {
    expect(() => extractFile(Buffer.from('%PDF-1.7 …'), 'bericht.pdf')).toThrow(/can be imported/)
  })
})

describe('the sample library', () => {
  it('reads every sample article with its front matter', () => {
    for (const name of [
      '01-hanse-kurier.md',
      '02-tagesblick.md',
      '03-mitteldeutsche-rundschau.md',
      '04-radio-bernstein.md',
    ]) {
      const sample = readSample(name)
      const { article } = extractFile(fixture(`../../../resources/sample/${name}`), name)
      expect(article.title).toBe(sample.meta.title)
      expect(article.outlet).toBe(sample.meta.outlet)
      expect(article.published).toBe(sample.meta.published)
      expect(article.paragraphs).toEqual(sample.paragraphs)
    }
  })
})
