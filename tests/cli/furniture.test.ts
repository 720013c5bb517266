/** `lesesaal reextract` and `lesesaal furniture` through a real process. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

const BIN = join(ROOT, 'bin/lesesaal.js')
const UNSEEN = join(ROOT, 'tests/fixtures/unseen')

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

function library() {
  const lib = join(tempDir(), 'lib.sqlite')
  const r = lesesaal(['--library', lib, 'import', join(UNSEEN, 'regionalzeitung.txt'), '--json'])
  expect(r.code).toBe(0)
  const id = (JSON.parse(r.stdout) as { id: number }[])[0]!.id
  return { lib, id }
}

const LAST =
  'Die Bürgerinitiative „Trockene Füße“ begrüßte den Beschluss, kritisierte aber den Zeitplan. Sie fordert bis zum Baubeginn mobile Schutzwände am Mühlenweg.'

describe('lesesaal reextract', () => {
  it('re-extracts every article and prints one JSON report', () => {
    const { lib, id } = library()
    const r = lesesaal(['--library', lib, 'reextract', '--json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(['items', 'changed', 'unchanged', 'failed', 'cancelled'])
    expect(report.items).toEqual([expect.objectContaining({ id, status: 'unchanged' })])
  })

  it('says which articles it could not find and exits 1 when none could be done', () => {
    const { lib } = library()
    const r = lesesaal(['--library', lib, 'reextract', '99'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('There is no article 99.')
    const bad = lesesaal(['--library', lib, 'reextract', 'eins'])
    expect(bad.code).toBe(1)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/not an article id/)
  })
})

describe('lesesaal furniture', () => {
  it('marks a line, lists the rule and removes it again', () => {
    const { lib, id } = library()
    const add = lesesaal(['--library', lib, 'furniture', 'add', String(id), LAST, '--json'])
    expect(add.code).toBe(0)
    const added = JSON.parse(add.stdout)
    expect(added.rule).toMatchObject({ outlet: 'Heidekurier', source: 'user', text: LAST })
    expect(added.report.changed).toBe(1)
    const show = JSON.parse(lesesaal(['--library', lib, 'show', String(id), '--json']).stdout)
    expect(show.paragraphs).not.toContain(LAST)

    const list = JSON.parse(lesesaal(['--library', lib, 'furniture', 'list', '--json']).stdout)
    expect(list).toEqual([expect.objectContaining({ id: added.rule.id, articles: 1 })])

    const rm = lesesaal(['--library', lib, 'furniture', 'remove', String(added.rule.id)])
    expect(rm.code).toBe(0)
    expect(rm.stdout).toMatch(/1 changed/)
    const again = JSON.parse(lesesaal(['--library', lib, 'show', String(id), '--json']).stdout)
    expect(again.paragraphs).toContain(LAST)
  })

  it('refuses a line the article does not have, with one line and exit code 1', () => {
    const { lib, id } = library()
    const r = lesesaal([
      '--library',
      lib,
      'furniture',
      'add',
      String(id),
      'Gibt',
      'es',
      'nicht',
      '--json',
    ])
    expect(r.code).toBe(1)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(r.stdout).error.code).toBe('invalid_input')
  })
})
