/**
 * A read-later app's article saved as Markdown in a .txt file, through the `lesesaal` command:
 * the program loads its parsers per kind of input on first need, so a text file that turns
 * out to be Markdown must find the Markdown parser loaded (it did not, and the file failed
 * with "an unexpected problem").
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { MARKDOWN_TEXT, MARKDOWN_TEXT_ARTICLE, ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

it('imports a text file that is Markdown, with its headline, outlet and date', () => {
  const root = tempDir()
  const dir = join(root, 'texte')
  mkdirSync(dir)
  copyFileSync(MARKDOWN_TEXT, join(dir, 'faehre.txt'))
  const library = join(root, 'bibliothek.sqlite')
  const env = { ...process.env, LESESAAL_LIBRARY: '' }
  const run = (args: string[]) =>
    spawnSync(process.execPath, [BIN, '--library', library, ...args], { encoding: 'utf8', env })
  const imported = run(['import', dir, '--json'])
  expect(imported.stdout).not.toMatch(/unexpected problem/)
  expect(imported.status).toBe(0)
  const [result] = JSON.parse(imported.stdout) as { id: number | null }[]
  expect(result!.id).not.toBeNull()
  const shown = run(['show', String(result!.id), '--json'])
  const article = JSON.parse(shown.stdout) as typeof MARKDOWN_TEXT_ARTICLE
  const { title, outlet, published, paragraphs } = article
  expect({ title, outlet, published, paragraphs }).toEqual({
    title: MARKDOWN_TEXT_ARTICLE.title,
    outlet: MARKDOWN_TEXT_ARTICLE.outlet,
    published: MARKDOWN_TEXT_ARTICLE.published,
    paragraphs: MARKDOWN_TEXT_ARTICLE.paragraphs,
  })
}, 60_000)
