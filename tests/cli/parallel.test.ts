/**
 * The parallel-reading commands through a real process: story, similar, align, translation,
 * with the JSON shapes issue 8 names.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadStory, loadTranslation, markdown } from '../fixtures/parallel/gold'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

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

function json(lib: string, args: string[]): unknown {
  const r = lesesaal(lib, [...args, '--json'])
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

/** A library with our own story (3 outlets + wire copy + unrelated) and the translation's article. */
function library(): { lib: string; dir: string } {
  const dir = tempDir()
  const story = loadStory('story-nordlicht')
  const t = loadTranslation()
  const files = [
    ...story.articles,
    story.wireCopy!,
    story.unrelated!,
    {
      title: t.title,
      outlet: t.outlet,
      published: t.published,
      paragraphs: t.de.map((p) => p.join(' ')),
    },
  ].map((a, i) => {
    const file = join(dir, `${i + 1}.md`)
    writeFileSync(file, markdown(a))
    return file
  })
  writeFileSync(join(dir, 'en.txt'), t.en.map((p) => p.join(' ')).join('\n\n'))
  const lib = join(dir, 'lib.sqlite')
  const r = lesesaal(lib, ['import', ...files, '--json'])
  expect(r.code).toBe(0)
  return { lib, dir }
}

describe('lesesaal story', () => {
  it('creates, lists, shows, changes and deletes stories', () => {
    const { lib } = library()
    const created = json(lib, ['story', 'create', '--title', 'Havarie vor Fehmarn', '1', '2']) as {
      id: number
      articles: { id: number }[]
    }
    expect(created).toMatchObject({ id: 1, title: 'Havarie vor Fehmarn', articleCount: 2 })
    expect(json(lib, ['story', 'add', '1', '3', '4'])).toMatchObject({ articleCount: 4 })
    const shown = json(lib, ['story', 'show', '1']) as {
      articles: { id: number; outlet: string; published: string; words: number }[]
      relations: unknown[]
    }
    // the timeline: outlet, date, length
    expect(shown.articles.map((a) => a.published)).toEqual([
      '2025-10-07',
      '2025-10-07',
      '2025-10-07',
      '2025-10-08',
    ])
    expect(shown.relations).toEqual([
      { a: 1, b: 4, kind: 'wire copy', similarity: expect.any(Number) },
    ])
    expect(json(lib, ['story', 'remove', '1', '4'])).toMatchObject({ articleCount: 3 })
    expect(json(lib, ['story', 'list'])).toEqual([
      expect.objectContaining({ id: 1, title: 'Havarie vor Fehmarn', articleCount: 3 }),
    ])
    expect(json(lib, ['story', 'delete', '1'])).toEqual({ deleted: true })
    expect(json(lib, ['story', 'list'])).toEqual([])
  })

  it('suggests our story as { articles, title, score } and leaves the unrelated article out', () => {
    const { lib } = library()
    const suggestions = json(lib, ['story', 'suggest']) as Record<string, unknown>[]
    expect(suggestions).toHaveLength(1)
    expect(Object.keys(suggestions[0]!)).toEqual(['articles', 'title', 'score'])
    expect(suggestions[0]!.articles).toEqual([1, 2, 3, 4])
  })

  it('reports a missing story or a bad id in one line and exits 1', () => {
    const { lib } = library()
    let r = lesesaal(lib, ['story', 'show', '9'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('lesesaal: There is no story 9 (see: lesesaal story list).\n')
    r = lesesaal(lib, ['story', 'add', '1', 'x', '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n')).toHaveLength(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'invalid_input' } })
  })
})

describe('lesesaal similar', () => {
  it('labels the wire copy and the same story: [{ id, similarity, kind }]', () => {
    const { lib } = library()
    const similar = json(lib, ['similar', '1']) as {
      id: number
      similarity: number
      kind: string
    }[]
    expect(similar[0]).toEqual({ id: 4, similarity: expect.any(Number), kind: 'wire copy' })
    expect(similar.slice(1).map((s) => [s.id, s.kind])).toEqual(
      expect.arrayContaining([
        [2, 'same story'],
        [3, 'same story'],
      ]),
    )
    expect(similar.map((s) => s.id)).not.toContain(5)
  })
})

describe('lesesaal align', () => {
  it('prints articles with their sentences, pairs and "only here" sentences', () => {
    const { lib } = library()
    const r = json(lib, ['align', '1', '2', '3']) as {
      articles: { id: number; sentences: string[] }[]
      pairs: {
        a: { id: number; sentence: number }
        b: { id: number; sentence: number }
        score: number
      }[]
      only: { id: number; sentence: number }[]
    }
    expect(r.articles.map((a) => [a.id, a.sentences.length])).toEqual([
      [1, 15],
      [2, 12],
      [3, 15],
    ])
    expect(r.pairs.length).toBeGreaterThan(20)
    for (const p of r.pairs) {
      expect(Object.keys(p)).toEqual(['a', 'b', 'score'])
      expect(p.a.id).not.toBe(p.b.id)
      expect(r.articles.find((a) => a.id === p.b.id)!.sentences[p.b.sentence]).toBeDefined()
    }
    // "Zuletzt war im Jahr 2017 …" is only in the agency's text
    expect(r.only).toContainEqual({ id: 1, sentence: 14 })
  })

  it('aligns an article with a translation added from a file', () => {
    const { lib, dir } = library()
    const added = json(lib, ['translation', 'add', '6', join(dir, 'en.txt')])
    expect(added).toMatchObject({ articleId: 6, lang: 'en', detected: true, sentences: 18 })
    const r = json(lib, ['align', '6', '--translation']) as {
      source: { id: number; sentences: string[] }
      translation: { lang: string; sentences: string[] }
      beads: { source: number[]; translation: number[]; score: number }[]
    }
    expect(r.source).toMatchObject({ id: 6 })
    expect(r.translation.lang).toBe('en')
    expect(r.beads[0]).toEqual({ source: [0, 1], translation: [0], score: expect.any(Number) })
    const missing = lesesaal(lib, ['translation', 'add', '6', join(dir, 'nothing.txt')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(
      'lesesaal: Cannot read ' + join(dir, 'nothing.txt') + ': no such file.\n',
    )
    const none = lesesaal(lib, ['align', '1', '--translation'])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(
      /^lesesaal: Article 1 has no translation; add one with: lesesaal translation add 1 FILE\n$/,
    )
  })
})
