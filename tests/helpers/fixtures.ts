import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../..')
export const FIXTURES = join(ROOT, 'tests/fixtures/import')
/** An article saved as Markdown by a read-later app, in a .txt file (as text files and pastes come). */
export const MARKDOWN_TEXT = join(ROOT, 'tests/fixtures/markdown-text/faehre.txt')
export const SAMPLE = join(ROOT, 'resources/sample')

export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name))

export interface ExpectedComment {
  author: string | null
  posted: string | null
  title: string | null
  text: string
}

export interface ExpectedArticle {
  sample: string | null
  title: string
  kicker: string | null
  outlet: string | null
  published: string | null
  author: string | null
  dateline: string | null
  url: string | null
  comments: ExpectedComment[]
  paragraphs?: string[]
  mustNotContain?: string[]
  encoding?: string
}

export const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  unknown
>

/**
 * Reads a sample article written as Markdown with front matter, independently of the
 * importer: paragraphs are blank-line separated, "## " lines are subheadings.
 */
export function readSample(name: string): {
  meta: Record<string, string>
  paragraphs: string[]
  headings: number[]
} {
  const text = readFileSync(join(SAMPLE, name), 'utf8')
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!
  const meta: Record<string, string> = {}
  for (const line of m[1]!.split('\n')) {
    const i = line.indexOf(':')
    meta[line.slice(0, i).trim()] = line
      .slice(i + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
  }
  const blocks = text
    .slice(m[0].length)
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
  const headings: number[] = []
  const paragraphs = blocks.map((b, i) => {
    if (b.startsWith('## ')) {
      headings.push(i)
      return b.slice(3).trim()
    }
    return b
  })
  return { meta, paragraphs, headings }
}

/** What the Markdown text in MARKDOWN_TEXT comes out as. */
export const MARKDOWN_TEXT_ARTICLE = {
  title: 'Neue Fähre verbindet Altwerder und Kleinhafen',
  kicker: 'Verkehr',
  outlet: 'Werderaner Nachrichten',
  published: '2025-09-02',
  url: 'https://www.werderaner.example/faehre',
  paragraphs: [
    'Seit Montag pendelt eine elektrische Fähre zwischen Altwerder und Kleinhafen. Die Überfahrt dauert zwölf Minuten, der Fahrplan gilt zunächst bis Ende Oktober.',
    'Platz für Räder',
    'An Bord ist Platz für 60 Fahrgäste und 20 Fahrräder. Wer ein Lastenrad mitnehmen will, soll sich vorher anmelden.',
  ],
  headings: [1],
}
