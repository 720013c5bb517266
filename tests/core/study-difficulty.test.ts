/**
 * Difficulty in the background: bounded slices that let the event loop run, progress, a stop
 * signal; caches that follow text changes and other processes; the migration that adds it all.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core'
import { migrate, schemaVersion } from '../../electron/core/db/open'
import * as m0010 from '../../electron/core/db/migrations/0010-initial'
import * as m0020 from '../../electron/core/db/migrations/0020-search'
import * as m0030 from '../../electron/core/db/migrations/0030-lexicon'
import * as m0060 from '../../electron/core/db/migrations/0060-study'
import { recomputeShares, statusArray } from '../../electron/core/study/difficulty'
import { analyseArticle, LemmaNumbers, keyOf } from '../../electron/core/study/profile'
import { call, tempDir } from '../helpers/core'
import { contextOf, studyLibrary } from '../helpers/study'

async function manyArticles(n: number) {
  const lib = await studyLibrary()
  const files = Array.from({ length: n }, (_, i) => ({
    name: `kurz-${i}.txt`,
    data: Buffer.from(
      `Meldung ${i}\n\nIn Wismar sprach die Delegation am Tag ${i} über Kabel und Häfen. Das Schiff Nummer ${i} blieb im Hafen.\n`,
    ).toString('base64'),
  }))
  await call(lib.core, 'import.files', { files })
  return lib
}

describe('the background difficulty pass', () => {
  it('works in slices, lets other work run in between, reports progress and can be stopped', async () => {
    const { core } = await manyArticles(60)
    await call(core, 'vocab.status', { lemma: 'Kabel', status: 'known' })
    await call(core, 'study.difficulty', { wait: true })
    const numbers = new LemmaNumbers(core.db)
    // as if Kabel were new again: every short article's share changes
    const statuses = new Map([['kabel', 0]])
    const progress: number[] = []
    // other work waiting on the event loop gets its turn between slices
    let interleaved = 0
    let running = true
    const other = () => {
      interleaved++
      if (running) setImmediate(other)
    }
    setImmediate(other)
    const finished = await recomputeShares(core.db, statusArray(numbers, statuses), 99, {
      sliceMs: 0.01,
      rows: 5,
      onProgress: (done) => progress.push(done),
    })
    running = false
    expect(finished).toBe(true)
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.at(-1)).toBe(62)
    expect(interleaved).toBeGreaterThan(10)
    // stopped before it began: nothing written, reported as not finished
    const controller = new AbortController()
    controller.abort()
    const stopped = await recomputeShares(
      core.db,
      statusArray(numbers, new Map([['kabel', 5]])),
      100,
      {
        signal: controller.signal,
      },
    )
    expect(stopped).toBe(false)
    expect(core.db.prepare('SELECT max(version) FROM study_shares').pluck().get()).toBe(99)
  })

  it('computes nothing before the learner saved a word or gave a status', async () => {
    const { core } = await studyLibrary()
    const d = await call(core, 'study.difficulty', {})
    expect(d).toEqual({ ids: [], shares: [], pending: 0, computing: false, active: false })
    await core.study.settled()
    expect(core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get()).toBe(0)
  })

  it('gives every article a share after a status change, and counts articles per lemma', async () => {
    const { core } = await manyArticles(20)
    // before the first known word every share is 1: not listed
    const before = await call(core, 'study.difficulty', { wait: true })
    expect(before).toMatchObject({ active: false, ids: [], pending: 0 })
    const one = 1
    await call(core, 'vocab.status', { lemma: 'Hafen', status: 'known' })
    await core.study.settled()
    const after = await call(core, 'study.difficulty', {})
    expect(after.shares[after.ids.length - 1]!).toBeLessThan(one)
    const frequency = core.db
      .prepare("SELECT articles FROM study_lemmas WHERE key = 'hafen'")
      .pluck()
      .get()
    expect(frequency).toBe(22) // the twenty short ones and both articles of the library
  })

  it('rebuilds an article profile when its text changes', async () => {
    const { core, hafen } = await studyLibrary()
    await call(core, 'vocab.status', { lemma: 'Kabel', status: 'known' })
    await call(core, 'study.difficulty', { wait: true })
    expect(core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get()).toBe(2)
    core.db
      .prepare(
        "UPDATE paragraphs SET text = 'Die Häfen bleiben zu.' WHERE article_id = ? AND position = 2",
      )
      .run(hafen)
    expect(core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get()).toBe(1)
    const words = await call(core, 'study.articleWords', { id: hafen })
    expect(words.forms['zu']).toBeDefined()
    expect(words.forms['anlaufen']).toBeUndefined()
  })

  it('sees statuses another process changed in the same library', async () => {
    const path = join(tempDir(), 'lib.sqlite')
    const { core, hafen } = await studyLibrary({ libraryPath: path })
    const p = (await call(core, 'article.get', { id: hafen })).paragraphs
    const status = async () => {
      const w = await call(core, 'study.articleWords', { id: hafen })
      return w.lemmas[w.forms['Durchbruch']!]!.status
    }
    expect(await status()).toBe('new')
    const other = createCore({ libraryPath: path })
    await call(other, 'vocab.save', {
      word: 'Durchbruch',
      articleId: hafen,
      context: contextOf(p[1]!, 'Durchbruch'),
    })
    other.close()
    expect(await status()).toBe('learning1')
  })
})

describe('names and numbers', () => {
  const places = new Set(['lübeck'])
  const names = new Set(['Hohenstein'])
  it.each([
    ['48', null, null],
    ['3,5', null, null],
    ['Hohenstein', null, null],
    ['Lübeck', 'Lübeck', null],
    ['Offen', null, 'offen'],
    ['zäher', null, 'zäher'],
    ['Meeresboden', null, 'meeresboden'],
    ['Häfen', 'Hafen', 'hafen'],
  ])('%s counts as %s', (raw, lemma, key) => {
    expect(keyOf(raw, lemma, places, names)).toBe(key)
  })

  it('finds names in a row, elsewhere in the article too, and with a dictionary on their own', async () => {
    const { core } = await studyLibrary()
    const texts = [
      'Marlene Hohenstein sprach über Kabel.',
      'Am Abend sagte Hohenstein, der Meeresboden sei gefährdet, und Kivisaar nickte.',
    ]
    const glossaryOnly = analyseArticle(core.lexicon, new Set(), texts)
    const keys = [...glossaryOnly.counts.keys()]
    expect(keys).toContain('meeresboden')
    expect(keys).toContain('kivisaar') // one word alone: without a dictionary it counts
    expect(keys).not.toContain('hohenstein')
    expect(keys).not.toContain('marlene')
    const strict = analyseArticle(core.lexicon, new Set(), texts, true)
    expect([...strict.counts.keys()]).not.toContain('kivisaar')
  })
})

describe('migration 0060', () => {
  it('adds the study tables to a library of format 30 and keeps its articles', () => {
    const db = new Database(':memory:')
    migrate(db, [
      { version: 10, name: 'initial', up: m0010.up },
      { version: 20, name: 'search', up: m0020.up },
      { version: 30, name: 'lexicon', up: m0030.up },
    ])
    db.prepare(
      `INSERT INTO articles (title, words, content_hash, source_kind, raw, extractor_version, imported_at)
       VALUES ('Alt', 2, 'h', 'paste', x'00', 1, '2025-01-01')`,
    ).run()
    db.prepare(
      "INSERT INTO paragraphs (article_id, position, kind, text) VALUES (1, 0, 'p', 'Zwei Wörter')",
    ).run()
    migrate(db, [
      { version: 10, name: 'initial', up: m0010.up },
      { version: 20, name: 'search', up: m0020.up },
      { version: 30, name: 'lexicon', up: m0030.up },
      { version: 60, name: 'study', up: m0060.up },
    ])
    expect(schemaVersion(db)).toBe(60)
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'study_%' ORDER BY name",
      )
      .pluck()
      .all()
    expect(tables).toEqual([
      'study_cards',
      'study_lemmas',
      'study_profiles',
      'study_reading',
      'study_reviews',
      'study_sentences',
      'study_shares',
      'study_status_log',
      'study_words',
    ])
    expect(db.prepare('SELECT title FROM articles').pluck().get()).toBe('Alt')
    // a saved word keeps its lemma text, part of speech and gender unique
    const insert = db.prepare(
      "INSERT INTO study_words (key, lemma, pos, gender, created_at, updated_at) VALUES ('band', 'Band', 'noun', ?, 'x', 'x')",
    )
    insert.run('n')
    insert.run('f')
    expect(() => insert.run('n')).toThrow(/UNIQUE/)
    db.close()
  })
})
