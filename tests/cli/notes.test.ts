/** `highlight`, `highlights`, `note`, `notes`, `article update`, `versions` as a real process. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { NOTES_FIXTURES } from '../helpers/notes'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

function lesesaal(lib: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--library', lib, ...args], {
    cwd: NOTES_FIXTURES,
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function library(): string {
  const lib = join(tempDir(), 'library.sqlite')
  expect(lesesaal(lib, ['import', 'hafenstreik-v1.md']).code).toBe(0)
  return lib
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout)

describe('lesesaal highlight and highlights', () => {
  it('adds a highlight by quote and lists it in the documented shape', () => {
    const lib = library()
    const add = lesesaal(lib, [
      'highlight',
      'add',
      '1',
      '--quote',
      'Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles',
      '--note',
      'Kernsatz',
      '--tag',
      'Sicherheitsgarantien',
      '--json',
    ])
    expect(add.code).toBe(0)
    const list = json(lesesaal(lib, ['highlights', '1', '--json']))
    expect(list).toEqual([
      {
        id: 1,
        quote: 'Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles',
        note: 'Kernsatz',
        tags: ['Sicherheitsgarantien'],
        color: 'yellow',
        status: 'anchored',
        start: json(add).start,
        end: json(add).end,
      },
    ])
    const text = (json(lesesaal(lib, ['show', '1', '--json'])).paragraphs as string[]).join('\n\n')
    expect(text.slice(list[0].start, list[0].end)).toBe(list[0].quote)
  })

  it('needs --occurrence for an ambiguous quote, in one line with exit code 1', () => {
    const lib = library()
    const r = lesesaal(lib, ['highlight', 'add', '1', '--quote', 'Sicherheit'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/occurs 2 times.*--occurrence N/)
    expect(
      lesesaal(lib, ['highlight', 'add', '1', '--quote', 'Sicherheit', '--occurrence', '2']).code,
    ).toBe(0)
    const bad = lesesaal(lib, ['highlight', 'add', '1', '--quote', 'x', '--color', 'rot', '--json'])
    expect(bad.code).toBe(1)
    expect(json(bad).error.message).toMatch(/--color must be one of yellow/)
  })
})

describe('lesesaal article update and versions', () => {
  it('updates an article and reports versions, changes and highlights', () => {
    const lib = library()
    lesesaal(lib, [
      'highlight',
      'add',
      '1',
      '--quote',
      'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
      '--note',
      'Fähren',
    ])
    lesesaal(lib, ['highlight', 'add', '1', '--quote', 'Rund 900 Beschäftigte'])
    const r = lesesaal(lib, ['article', 'update', '1', 'hafenstreik-v2.md', '--json'])
    expect(r.code).toBe(0)
    expect(json(r)).toEqual({
      id: 1,
      version: 2,
      changed: { added: 1, removed: 1, changed: 2 },
      highlights: { anchored: 1, moved: 0, orphan: 1 },
    })
    const versions = json(lesesaal(lib, ['versions', '1', '--json']))
    expect(
      versions.map((v: { version: number; current: boolean }) => [v.version, v.current]),
    ).toEqual([
      [2, true],
      [1, false],
    ])
    const orphan = json(lesesaal(lib, ['highlights', '1', '--json'])).find(
      (h: { status: string }) => h.status === 'orphan',
    )
    expect(orphan).toMatchObject({
      note: 'Fähren',
      quote: 'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
    })
    const missing = lesesaal(lib, ['article', 'update', '1', 'gibt-es-nicht.md'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^lesesaal: There is no file or folder at this path\.\n$/)
  })
})

describe('lesesaal note and notes', () => {
  it('adds notes, exports Markdown to standard output and JSON to a file, and imports it back', () => {
    const lib = library()
    expect(
      lesesaal(lib, ['note', 'add', '--article', '1', 'Nachfragen', 'beim', 'Verband']).code,
    ).toBe(0)
    const none = lesesaal(lib, ['note', 'add', 'Worauf?'])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/--article ID, --story ID/)
    lesesaal(lib, [
      'highlight',
      'add',
      '1',
      '--quote',
      'Rund 900 Beschäftigte',
      '--note',
      'Zahl prüfen',
    ])
    const md = lesesaal(lib, ['notes', 'export', '--article', '1', '--format', 'md'])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^# Notizen: Hafenstreik in Kiel/)
    expect(md.stdout).toContain('> Rund 900 Beschäftigte\n\n— Ostermann, Jana: „Hafenstreik')
    const out = join(tempDir(), 'notizen.json')
    const written = lesesaal(lib, ['notes', 'export', '--format', 'json', '--out', out, '--json'])
    expect(json(written)).toMatchObject({ file: out, highlights: 1, notes: 2, articles: 1 })
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('lesesaal-notes')
    const back = json(lesesaal(lib, ['notes', 'import', out, '--json']))
    expect(back.highlights).toEqual({ added: 0, updated: 0, unchanged: 1, kept: 0 })
    const list = json(lesesaal(lib, ['notes', '--json', '--limit', '1']))
    expect(list.total).toBe(2)
    expect(list.items).toHaveLength(1)
    const bib = lesesaal(lib, ['notes', 'export', '--format', 'bibtex'])
    expect(bib.stdout).toMatch(/^@article\{ostermann2025hafenstreik,/)
  })

  it('tags an article and removes tags again', () => {
    const lib = library()
    expect(json(lesesaal(lib, ['tag', '1', 'Hafen', 'Streik', '--json']))).toEqual({
      tags: ['Hafen', 'Streik'],
    })
    expect(json(lesesaal(lib, ['tag', '1', 'streik', '--remove', '--json']))).toEqual({
      tags: ['Hafen'],
    })
  })
})
