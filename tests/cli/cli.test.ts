/**
 * The `lesesaal` command through a real process, as scripts and users run it: the JSON
 * contract, exit codes, one-line errors, the default library.
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, tempDir, testCore } from '../helpers/core'
import { FIXTURES, readSample, ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

function lesesaal(args: string[], env: Record<string, string> = {}, cwd = FIXTURES) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '', ...env },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const IMPORT_KEYS = [
  'source',
  'id',
  'title',
  'outlet',
  'published',
  'words',
  'duplicateOf',
  'nearDuplicateOf',
  'error',
  'warning',
]

describe('lesesaal import', () => {
  it('imports a folder and prints one JSON object per file, the broken one with its reason', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal(['--library', lib, 'import', 'folder', '--json'])
    expect(r.code).toBe(0)
    const results = JSON.parse(r.stdout) as Record<string, unknown>[]
    expect(results.map((x) => x.source)).toEqual([
      'folder/a.txt',
      'folder/sub/b.html',
      'folder/sub/broken.txt',
      'folder/sub/deeper/c.md',
    ])
    for (const x of results) expect(Object.keys(x)).toEqual(IMPORT_KEYS)
    expect(results[0]).toMatchObject({
      id: 1,
      title: 'Warnemünder Leuchtturm öffnet früher in die Saison',
      duplicateOf: null,
      error: null,
    })
    expect(results[2]).toMatchObject({ id: null, error: { code: 'binary_file' } })
    expect(r.stderr).toBe('')
  })

  it('reports a duplicate instead of importing it twice', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    lesesaal(['--library', lib, 'import', 'hanse-kurier.txt'])
    const r = lesesaal(['--library', lib, 'import', 'duplicate-of-hanse-kurier.html', '--json'])
    expect(JSON.parse(r.stdout)).toEqual([
      {
        source: 'duplicate-of-hanse-kurier.html',
        id: null,
        title: 'Ostseestaaten einigen sich auf Schutz der Unterseekabel',
        // "© Hanse-Kurier Mediengruppe 2025": the outlet without its publisher's word
        outlet: 'Hanse-Kurier',
        published: '2025-03-14',
        words: expect.any(Number),
        duplicateOf: 1,
        nearDuplicateOf: null,
        error: null,
        warning: null,
      },
    ])
  })

  it('prints a readable summary without --json', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal(['--library', lib, 'import', 'tagesblick.txt', 'empty.txt'])
    expect(r.stdout).toContain(
      '✓    1  Ostsee-Gipfel in Rostock: Einigung beim Kabelschutz, Streit ums Geld (Tagesblick)',
    )
    expect(r.stdout).toContain('✗ empty.txt: The file is empty.')
    expect(r.stdout).toContain('Imported 1 of 2')
  })

  it('exits with 1 when nothing could be imported', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal(['--library', lib, 'import', 'binary.txt', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)[0].error.code).toBe('binary_file')
  })
})

describe('lesesaal list and show', () => {
  function library() {
    const lib = join(tempDir(), 'lib.sqlite')
    lesesaal([
      '--library',
      lib,
      'import',
      'tagesblick.txt',
      'mitteldeutsche-rundschau.html',
      'latin1.txt',
    ])
    return lib
  }

  it('lists the library as JSON', () => {
    const r = lesesaal(['--library', library(), 'list', '--json'])
    const rows = JSON.parse(r.stdout) as {
      title: string
      outlet: string | null
      published: string | null
    }[]
    expect(rows.map((x) => [x.outlet, x.published])).toEqual([
      ['Mitteldeutsche Rundschau', '2025-03-15'],
      [null, '2025-02-03'],
      ['Tagesblick', null],
    ])
  })

  it('lists the library as a table', () => {
    const r = lesesaal(['--library', library(), 'list', '--sort', 'title', '--asc'])
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\s+ID\s+DATE\s+OUTLET\s+WORDS\s+TITLE$/)
    expect(lines[1]).toContain('Bürgerbüro')
    expect(lines).toHaveLength(4)
  })

  it('shows an article with the fields of the contract', () => {
    const r = lesesaal(['--library', library(), 'show', '1', '--json'])
    expect(r.code).toBe(0)
    const a = JSON.parse(r.stdout)
    expect(a).toMatchObject({
      id: 1,
      title: 'Ostsee-Gipfel in Rostock: Einigung beim Kabelschutz, Streit ums Geld',
      outlet: 'Tagesblick',
      published: null,
      author: 'jkl/AFP/dpa',
      url: null,
    })
    expect(a.paragraphs).toEqual(readSample('02-tagesblick.md').paragraphs)
    expect(a.comments).toHaveLength(5)
    expect(a.comments[0]).toEqual({
      author: 'ostseekind',
      posted: '2025-03-14',
      title: 'Endlich passiert mal was',
      text: expect.stringContaining('Warnemünde'),
    })
  })

  it('shows an article as readable text', () => {
    const r = lesesaal(['--library', library(), 'show', '2'])
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'Analyse zum Ostsee-Gipfel',
      'Ein Versprechen ohne Preisschild',
      '================================',
      'Mitteldeutsche Rundschau · 2025-03-15 · Katrin Albers',
    ])
    expect(r.stdout).toContain('## Einig nur bei den Sanktionen')
  })
})

describe('errors', () => {
  const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal/)

  it('answers a missing article with one line on stderr and exit 1', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal(['--library', lib, 'show', '42'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('lesesaal: There is no article 42 in the library.\n')
    expect(r.stdout).toBe('')
  })

  it('keeps stdout one JSON document even on errors', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal(['--library', lib, 'show', 'abc', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('"abc" is not an article id'),
      },
    })
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('explains unknown commands and missing arguments in one line', () => {
    for (const args of [['frobnicate'], ['show'], ['import']]) {
      const r = lesesaal(['--library', join(tempDir(), 'l.sqlite'), ...args])
      expect(r.code).toBe(1)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^lesesaal: /)
      noStack(r.stderr)
    }
  })

  it('refuses a library from a newer version in one line', () => {
    const lib = join(tempDir(), 'future.sqlite')
    const db = new Database(lib)
    db.pragma('user_version = 9990')
    db.close()
    const r = lesesaal(['--library', lib, 'list'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^lesesaal: This library was written by a newer version of Lesesaal.*\n$/,
    )
    noStack(r.stderr)
  })
})

describe('which library', () => {
  it('uses LESESAAL_LIBRARY when --library is not given', () => {
    const lib = join(tempDir(), 'env.sqlite')
    lesesaal(['import', 'latin1.txt'], { LESESAAL_LIBRARY: lib })
    expect(existsSync(lib)).toBe(true)
    expect(JSON.parse(lesesaal(['list', '--json'], { LESESAAL_LIBRARY: lib }).stdout)).toHaveLength(
      1,
    )
  })

  it("defaults to the desktop app's library in its user-data folder", () => {
    const home = tempDir()
    mkdirSync(join(home, 'cfg'))
    const env: Record<string, string> =
      process.platform === 'linux'
        ? { HOME: home, XDG_CONFIG_HOME: join(home, 'cfg') }
        : { HOME: home }
    lesesaal(['import', 'latin1.txt'], env)
    const expected =
      process.platform === 'linux' ? join(home, 'cfg', 'Lesesaal', 'library.sqlite') : null
    if (expected) expect(existsSync(expected)).toBe(true)
  })

  it('works as npx lesesaal in the checkout', () => {
    const lib = join(tempDir(), 'npx.sqlite')
    const r = spawnSync('npx', ['--no-install', 'lesesaal', '--library', lib, 'list', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })
})

describe('lesesaal search and index', () => {
  function library() {
    const lib = join(tempDir(), 'lib.sqlite')
    lesesaal([
      '--library',
      lib,
      'import',
      'tagesblick.txt',
      'mitteldeutsche-rundschau.html',
      'radio-bernstein.txt',
      'hanse-kurier.txt',
    ])
    return lib
  }

  it('searches and prints hits with id, title, snippet and score', () => {
    const r = lesesaal([
      '--library',
      library(),
      'search',
      'Sanktionen',
      'Schattenflotte',
      '--limit',
      '2',
      '--json',
    ])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as {
      hits: { id: number; title: string; snippet: string; score: number }[]
      total: number
    }
    expect(doc.total).toBeGreaterThanOrEqual(2)
    expect(doc.hits).toHaveLength(2)
    for (const h of doc.hits) {
      expect(h).toMatchObject({
        id: expect.any(Number),
        title: expect.any(String),
        score: expect.any(Number),
      })
      expect(h.snippet).toMatch(/Sanktion|Schattenflotte/)
    }
  })

  it('prints readable hits', () => {
    const r = lesesaal(['--library', library(), 'search', 'Vieraugengespräch'])
    expect(r.stdout).toMatch(/^\d+ articles? match/)
    expect(r.stdout).toContain('Vieraugengespräch')
  })

  it('checks and rebuilds the index', () => {
    const lib = library()
    const check = lesesaal(['--library', lib, 'index', '--check', '--json'])
    expect(JSON.parse(check.stdout)).toMatchObject({ consistent: true, articles: 4, indexed: 4 })
    const db = new Database(lib)
    db.prepare('DELETE FROM search_docs WHERE article_id = 2').run()
    db.close()
    const broken = lesesaal(['--library', lib, 'index'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('does NOT agree')
    const rebuilt = lesesaal(['--library', lib, 'index', '--rebuild', '--json'])
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ consistent: true, indexed: 4 })
  })
})

describe('lesesaal gloss and dict import', () => {
  it('explains a word with the fields of the contract', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    lesesaal(['--library', lib, 'import', 'hanse-kurier.txt', 'tagesblick.txt'])
    const r = lesesaal(['--library', lib, 'gloss', 'Sicherheitsgarantien', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      query: 'Sicherheitsgarantien',
      lemma: 'Sicherheitsgarantie',
      gender: 'f',
      plural: 'Sicherheitsgarantien',
      gloss: 'security guarantee',
      parts: ['Sicherheit', 's', 'Garantie'],
      source: 'builtin',
      occurrences: 2,
    })
  })

  it('calls a word too common for the index common, not absent from the library', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    lesesaal(['--library', lib, 'import', 'hanse-kurier.txt', 'tagesblick.txt'])
    const common = lesesaal(['--library', lib, 'gloss', 'soll', '--json'])
    expect(JSON.parse(common.stdout)).toMatchObject({ occurrences: 0, common: true })
    const rare = lesesaal(['--library', lib, 'gloss', 'Sicherheitsgarantien', '--json'])
    expect(JSON.parse(rare.stdout)).toMatchObject({ common: false })
  })

  it('imports a Ding dictionary and reports its malformed lines', () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const r = lesesaal([
      '--library',
      lib,
      'dict',
      'import',
      join(ROOT, 'tests/fixtures/lexicon/mini.ding'),
      '--json',
    ])
    expect(JSON.parse(r.stdout)).toMatchObject({
      malformed: 3,
      examples: [{ line: 42 }, { line: 44 }, { line: 46 }],
    })
    const text = lesesaal(['--library', lib, 'gloss', 'Überprüfungsmöglichkeit'])
    expect(text.stdout).toContain('die Überprüfungsmöglichkeit, Pl. Überprüfungsmöglichkeiten')
  })

  it('explains a word in its sentence as the popover does (--in)', async () => {
    const lib = join(tempDir(), 'lib.sqlite')
    const cases = [
      ['lehnen', 'Die Arbeitgeber lehnen die Forderungen der Gewerkschaft bislang ab.'],
      ['Un', 'Die Gespräche zwischen Donald Trump und Kim Jong Un endeten ohne Ergebnis.'],
      ['Politiker', 'Viele Politiker äußerten sich besorgt über die Entwicklung.'],
    ] as const
    const core = testCore()
    await core.ensureGlossary()
    for (const [word, sentence] of cases) {
      const r = lesesaal(['--library', lib, 'gloss', word, '--in', sentence, '--json'])
      expect(r.code, r.stderr).toBe(0)
      const popover = await call(core, 'lexicon.lookup', {
        word,
        context: { text: sentence, offset: sentence.indexOf(word) },
      })
      const { lemma, pos, gender, gloss, parts, via, separable } = popover
      expect(JSON.parse(r.stdout), word).toMatchObject({
        lemma,
        pos,
        gender,
        gloss,
        parts,
        via,
        separable,
      })
    }
    const verb = lesesaal(['--library', lib, 'gloss', 'lehnen', '--in', cases[0][1], '--json'])
    expect(JSON.parse(verb.stdout)).toMatchObject({ lemma: 'ablehnen', separable: 'lehnen … ab' })
    const name = lesesaal(['--library', lib, 'gloss', 'Un', '--in', cases[1][1]])
    expect(name.stdout).toContain('Kim Jong Un  (name)')
    expect(name.stdout).not.toContain('United Nations')
    const missing = lesesaal(['--library', lib, 'gloss', 'Frieden', '--in', cases[0][1]])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('lesesaal: "Frieden" does not occur in the sentence.')
  })

  it('exits 1 for a word the lexicon does not know', () => {
    const r = lesesaal(['--library', join(tempDir(), 'l.sqlite'), 'gloss', 'Quxplimbo', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ query: 'Quxplimbo', lemma: null })
  })
})
