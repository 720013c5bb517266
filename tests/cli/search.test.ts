/**
 * `lesesaal search` and `list` as scripts and people use them: every hit by paging, dates
 * as people write them, impossible dates and unknown outlets refused in one sentence that
 * speaks of what was typed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

function lesesaal(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const TOWNS = ['Aurich', 'Bremen', 'Celle', 'Detmold', 'Emden', 'Fulda', 'Goslar']

/** Seven short reports about a harbour festival, two outlets, dated in April and May 2019. */
function library(): string {
  const dir = tempDir()
  const files = TOWNS.map((town, i) => {
    const file = join(dir, `${town}.md`)
    writeFileSync(
      file,
      [
        '---',
        `title: "Hafenfest in ${town}"`,
        `outlet: ${i % 2 ? 'Nordwest-Echo' : 'Tagesblick'}`,
        `published: 2019-0${4 + (i % 2)}-${String(10 + i).padStart(2, '0')}`,
        '---',
        '',
        `Das Hafenfest in ${town} lockte am Wochenende viele Besucher an. Am Kai spielten Blaskapellen.`,
        '',
        `Die Veranstalter in ${town} zogen eine gute Bilanz und planen das nächste Fest.`,
        '',
      ].join('\n'),
    )
    return file
  })
  const lib = join(dir, 'lib.sqlite')
  const r = lesesaal(['--library', lib, 'import', ...files, '--json'])
  expect(r.code).toBe(0)
  return lib
}

interface Found {
  hits: { id: number; title: string }[]
  total: number
}

describe('lesesaal search', () => {
  it('pages through every hit with --offset, and lists more than a hundred', () => {
    const lib = library()
    const page = (offset: number) =>
      JSON.parse(
        lesesaal([
          '--library',
          lib,
          'search',
          'Hafenfest',
          '--limit',
          '3',
          '--offset',
          String(offset),
          '--json',
        ]).stdout,
      ) as Found
    const all = JSON.parse(
      lesesaal(['--library', lib, 'search', 'Hafenfest', '--limit', '500', '--json']).stdout,
    ) as Found
    expect(all.total).toBe(7)
    expect(all.hits).toHaveLength(7)
    const paged = [0, 3, 6].flatMap((o) => page(o).hits.map((h) => h.id))
    expect(paged).toEqual(all.hits.map((h) => h.id))
    expect(page(9).hits).toEqual([])
    const text = lesesaal([
      '--library',
      lib,
      'search',
      'Hafenfest',
      '--limit',
      '3',
      '--offset',
      '3',
    ])
    expect(text.stdout.split('\n')[0]).toBe('7 articles match (showing 4–6; next: --offset 6).')
  })

  it('takes dates as people write them', () => {
    const lib = library()
    for (const from of ['2019-05', '01.05.2019', 'Mai 2019', '1.5.2019']) {
      const r = lesesaal(['--library', lib, 'search', 'Hafenfest', '--from', from, '--json'])
      expect(r.code, from).toBe(0)
      expect((JSON.parse(r.stdout) as Found).total, from).toBe(3)
    }
  })

  it('says how many matching articles a date range left out for a date known only by month', () => {
    const lib = library()
    // the April articles are dated by month only
    const db = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(join(ROOT, 'node_modules/better-sqlite3'))}); const db = new D(${JSON.stringify(lib)}); db.prepare("UPDATE articles SET published = substr(published, 1, 7) WHERE published LIKE '2019-04-%'").run()`,
      ],
      { encoding: 'utf8' },
    )
    expect(db.status).toBe(0)
    const r = lesesaal(['--library', lib, 'search', 'Hafenfest', '--from', '20.04.2019', '--json'])
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 3, uncertainDates: 4 })
    const text = lesesaal(['--library', lib, 'search', 'Hafenfest', '--from', '20.04.2019'])
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
      '4 more articles match but are dated only by month or not at all, so may be outside the dates (to include: --uncertain-dates).',
    )
    const all = lesesaal([
      '--library',
      lib,
      'search',
      'Hafenfest',
      '--from',
      '20.04.2019',
      '--uncertain-dates',
      '--json',
    ])
    expect(JSON.parse(all.stdout)).toMatchObject({ total: 7, uncertainDates: 0 })
  })

  it('refuses a date that does not exist, in one sentence', () => {
    const lib = library()
    for (const [args, message] of [
      [['--from', '2019-02-30'], '--from "2019-02-30" is not a date: February 2019 has 28 days.'],
      [['--to', '31.04.2019'], '--to "31.04.2019" is not a date: April 2019 has 30 days.'],
      [['--from', '2019-13'], '--from "2019-13" is not a date: there is no month 13.'],
      [
        ['--from', 'gestern'],
        '--from "gestern" is not a date; write it like 2019-04-20, 2019-04 or 2019 (or 20.04.2019).',
      ],
    ] as const) {
      const r = lesesaal(['--library', lib, 'search', 'Hafenfest', ...args])
      expect(r.code).toBe(1)
      expect(r.stderr).toBe(`lesesaal: ${message}\n`)
      expect(r.stdout).toBe('')
    }
  })

  it('names the outlets there are when an outlet is unknown', () => {
    const lib = library()
    const list = lesesaal(['--library', lib, 'list', '--outlet', 'Morgenpost'])
    expect(list.code).toBe(1)
    expect(list.stderr).toBe(
      'lesesaal: There is no outlet "Morgenpost" in the library; the outlets are: Nordwest-Echo, Tagesblick.\n',
    )
    const search = lesesaal(['--library', lib, 'search', 'Hafenfest', '--outlet', 'tagesblick'])
    expect(search.code).toBe(1)
    expect(search.stderr).toBe(
      'lesesaal: There is no outlet "tagesblick" in the library; did you mean "Tagesblick"?\n',
    )
    const known = lesesaal(['--library', lib, 'list', '--outlet', 'Tagesblick', '--json'])
    expect(JSON.parse(known.stdout)).toHaveLength(4)
  })

  it('speaks of what was typed, never of internal method names', () => {
    const lib = library()
    const r = lesesaal(['--library', lib, 'search', '   ', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('lesesaal: Type something to search for.\n')
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'invalid_input', message: 'Type something to search for.' },
    })
    const limit = lesesaal(['--library', lib, 'search', 'Hafenfest', '--limit', '0'])
    expect(limit.stderr).toBe('lesesaal: --limit must be a whole number of at least 1, not "0".\n')
    for (const out of [r.stderr, limit.stderr]) expect(out).not.toMatch(/search\.query/)
  })
})
