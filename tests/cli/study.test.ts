/**
 * `lesesaal vocab` and `lesesaal review` through a real process, and `list` with each article's
 * unknown share: the shapes scripts rely on, one-line errors, exit codes.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { HAFEN } from '../helpers/study'

const BIN = join(ROOT, 'bin/lesesaal.js')

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/cli.js')))
    throw new Error('Build first: npm run build (npm test does it).')
})

function lesesaal(lib: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--library', lib, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LESESAAL_LIBRARY: '' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function json<T>(lib: string, args: string[]): T {
  const r = lesesaal(lib, [...args, '--json'])
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

function library(): string {
  const dir = tempDir()
  const lib = join(dir, 'lib.sqlite')
  writeFileSync(join(dir, 'hafen.md'), HAFEN)
  expect(lesesaal(lib, ['import', join(dir, 'hafen.md')]).code).toBe(0)
  expect(
    lesesaal(lib, ['dict', 'import', join(ROOT, 'tests/fixtures/study/words.ding')]).code,
  ).toBe(0)
  return lib
}

describe('lesesaal vocab', () => {
  it('adds a word with its sentence and lists it in the documented shape', () => {
    const lib = library()
    json(lib, ['vocab', 'add', 'Häfen', '--article', '1'])
    json(lib, ['vocab', 'add', 'Durchbruch', '--article', '1', '--sentence', '2'])
    const words = json<Record<string, unknown>[]>(lib, [
      'vocab',
      'list',
      '--sort',
      'lemma',
      '--asc',
    ])
    expect(words).toEqual([
      {
        id: 2,
        lemma: 'Durchbruch',
        gender: 'm',
        article: 'der',
        plural: 'Durchbrüche',
        gloss: 'breakthrough',
        status: 'learning1',
        sentences: [
          {
            text: 'Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den Sicherheitsgarantien für die Kabel.',
            form: 'Durchbruch',
            articleId: 1,
            outlet: 'Ostsee-Bote',
          },
        ],
        due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
      expect.objectContaining({
        lemma: 'Hafen',
        sentences: [expect.objectContaining({ form: 'Häfen', articleId: 1 })],
      }),
    ])
  })

  it('sets a status by lemma or form, and filters by it', () => {
    const lib = library()
    json(lib, ['vocab', 'add', 'Häfen', '--article', '1'])
    expect(json(lib, ['vocab', 'status', 'Häfen', 'known'])).toEqual({
      lemma: 'Hafen',
      status: 'known',
      words: 1,
    })
    expect(json<unknown[]>(lib, ['vocab', 'list', '--status', 'known'])).toHaveLength(1)
    expect(json<unknown[]>(lib, ['vocab', 'list', '--status', '2'])).toHaveLength(0)
  })

  it('exports for Anki into a file', () => {
    const lib = library()
    json(lib, ['vocab', 'add', 'Häfen', '--article', '1'])
    const file = join(tempDir(), 'anki.txt')
    expect(json(lib, ['vocab', 'export', '--anki', file])).toEqual({ file, notes: 3 })
    const text = readFileSync(file, 'utf8')
    expect(text.split('\n').slice(0, 2)).toEqual(['#separator:tab', '#html:true'])
    expect(text).toContain('{{c1::Häfen::port; harbour}}')
  })

  it('refuses bad input with one line and exit code 1', () => {
    const lib = library()
    const cases: [string[], RegExp][] = [
      [['vocab', 'add', 'Häfen', '--article', 'sieben'], /is not an article id/],
      [['vocab', 'add', 'Häfen', '--article', '1', '--sentence', '9'], /has 3 sentences, not 9/],
      [['vocab', 'add', 'Wolke', '--article', '1'], /"Wolke" does not occur in article 1/],
      [['vocab', 'status', 'Hafen', 'gut'], /"gut" is not a status/],
      [['review', 'answer', '1', 'prima'], /"prima" is not an answer/],
      [['review', 'answer', '77', 'good'], /There is no card 77/],
    ]
    for (const [args, message] of cases) {
      const r = lesesaal(lib, args)
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

describe('lesesaal review', () => {
  it('gives the next card and takes an answer, with the documented shapes', () => {
    const lib = library()
    json(lib, ['vocab', 'add', 'Häfen', '--article', '1'])
    const card = json<Record<string, unknown>>(lib, ['review', 'next'])
    expect(card).toEqual({
      id: 1,
      kind: 'recognition',
      front: 'der Hafen',
      back: 'port; harbour',
      lemma: 'Hafen',
    })
    const answer = json<Record<string, unknown>>(lib, ['review', 'answer', '1', 'good'])
    expect(Object.keys(answer)).toEqual(['due', 'stability', 'difficulty', 'state'])
    expect(answer.state).toBe('learning')
    expect(new Date(answer.due as string).getTime()).toBeGreaterThan(Date.now())
    // one new card per word a day: nothing more today
    expect(json(lib, ['review', 'next'])).toBeNull()
    expect(lesesaal(lib, ['review', 'next']).stdout).toMatch(/^Nothing to review now\. Next card: /)
  })
})

describe('lesesaal list', () => {
  it('gives each article its unknown share, lower once words are known', () => {
    const lib = library()
    const before = json<{ unknownShare: number }[]>(lib, ['list'])
    expect(before[0]!.unknownShare).toBe(1)
    json(lib, ['vocab', 'status', 'Häfen', 'known'])
    json(lib, ['vocab', 'status', 'Kabel', 'known'])
    const after = json<{ unknownShare: number }[]>(lib, ['list'])
    expect(after[0]!.unknownShare).toBeLessThan(1)
    expect(after[0]!.unknownShare).toBeGreaterThan(0.8)
  })
})
