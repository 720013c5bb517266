/** `lesesaal --version`, and near-duplicates on the command line (issue 12). */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { article, articleFile } from '../helpers/german'

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

describe('lesesaal --version', () => {
  it('prints the version, as text or JSON', () => {
    expect(lesesaal(['--version'])).toMatchObject({
      code: 0,
      stdout: `${pkg.version}\n`,
      stderr: '',
    })
    expect(lesesaal(['-V']).stdout).toBe(`${pkg.version}\n`)
    const json = lesesaal(['--version', '--json'])
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({ version: pkg.version })
  })
})

describe('near-duplicates on the command line', () => {
  it('reports a near-copy and imports it with --keep-near-duplicates', () => {
    const dir = tempDir()
    const lib = join(dir, 'lib.sqlite')
    const original = articleFile(article(3, 21))
    writeFileSync(join(dir, 'original.txt'), original)
    writeFileSync(
      join(dir, 'kopie.txt'),
      original.replace(/\n\n(Von [^\n]+)\n\n/, '\n\n$1\n\nDie Sitzung ist öffentlich.\n\n'),
    )
    expect(lesesaal(['--library', lib, 'import', join(dir, 'original.txt')]).code).toBe(0)
    const again = lesesaal(['--library', lib, 'import', join(dir, 'kopie.txt'), '--json'])
    expect(again.code).toBe(0)
    const [result] = JSON.parse(again.stdout) as { id: number | null; nearDuplicateOf: unknown }[]
    expect(result).toMatchObject({ id: null, nearDuplicateOf: { id: 1 } })
    const text = lesesaal(['--library', lib, 'import', join(dir, 'kopie.txt')])
    expect(text.stdout).toMatch(
      /≈ .*kopie\.txt: nearly the same as article 1 \(\d\d %\), not imported/,
    )
    const kept = lesesaal([
      '--library',
      lib,
      'import',
      join(dir, 'kopie.txt'),
      '--keep-near-duplicates',
      '--json',
    ])
    expect(JSON.parse(kept.stdout)[0]).toMatchObject({ id: 2, nearDuplicateOf: null })
  })
})
