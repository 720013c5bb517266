/**
 * A read-later app's article saved as Markdown in a .txt file, through the `lesesaal` command:
 * the program loads its parsers per kind of input on first need, so a text file that turns
 * out to be Markdown must find the Markdown parser loaded (it did not, and the file failed
 * with "an unexpected problem").
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

const MARKDOWN_TEXT = [
  '# Neue Fähre verbindet Altwerder und Kleinhafen',
  '',
  'Quelle: Werderaner Nachrichten (https://www.werderaner.example/faehre)',
  'Datum: 2025-09-02',
  '',
  'Seit Montag pendelt eine elektrische Fähre zwischen Altwerder und Kleinhafen. Die Überfahrt dauert zwölf Minuten, der [Fahrplan](https://www.werderaner.example/fahrplan) gilt zunächst bis Ende Oktober.',
  '',
  '## Platz für Räder',
  '',
  'An Bord ist Platz für 60 Fahrgäste und 20 Fahrräder. Wer ein Lastenrad mitnehmen will, soll sich vorher anmelden.',
  '',
].join('\n')

it('imports a text file that is Markdown, with its headline, outlet and date', () => {
  const root = tempDir()
  const dir = join(root, 'texte')
  mkdirSync(dir)
  writeFileSync(join(dir, 'faehre.txt'), MARKDOWN_TEXT)
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
  const article = JSON.parse(shown.stdout) as {
    title: string
    outlet: string | null
    published: string | null
    paragraphs: string[]
  }
  expect({ title: article.title, outlet: article.outlet, published: article.published }).toEqual({
    title: 'Neue Fähre verbindet Altwerder und Kleinhafen',
    outlet: 'Werderaner Nachrichten',
    published: '2025-09-02',
  })
  expect(article.paragraphs[0]).toContain('der Fahrplan gilt zunächst')
  expect(article.paragraphs).toContain('Platz für Räder')
}, 60_000)
