/** Sentences as a derived layer, and alignment across outlets on our own story. */
import { describe, expect, it } from 'vitest'
import { alignAcross, alignTfIdf } from '../../electron/core/align/cross'
import { sentencesOfBody } from '../../electron/core/align/sentences'
import {
  expectedOnly,
  expectedPairs,
  loadStory,
  pairKey,
  precisionRecall,
} from '../fixtures/parallel/gold'
import { call, testCore } from '../helpers/core'
import { importArticles, importStory } from '../helpers/parallel'

const story = loadStory('story-nordlicht')

describe('sentences of an article', () => {
  it('are the fixture’s sentences, with offsets into the body and their paragraph', async () => {
    const core = testCore()
    const { articles } = await importStory(core, story)
    const { sentences } = await call(core, 'article.sentences', { id: articles[1]! })
    expect(sentences.map((s) => s.text)).toEqual(story.articles[1]!.sentences.map((s) => s.text))
    const body = story.articles[1]!.paragraphs.join('\n')
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text)
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5])
  })

  it('are stored once and segmented again when the text changes', async () => {
    const core = testCore()
    const [id] = await importArticles(core, [story.unrelated!])
    await call(core, 'article.sentences', { id: id! })
    const stored = () =>
      core.db.prepare('SELECT count(*) FROM article_sentences WHERE article_id = ?').pluck().get(id)
    expect(stored()).toBe(8)
    core.db
      .prepare('UPDATE paragraphs SET text = ? WHERE article_id = ? AND position = 0')
      .run('Erfurt - Das Nordbad wird neu gebaut.', id)
    expect(stored()).toBe(0)
    const { sentences } = await call(core, 'article.sentences', { id: id! })
    expect(sentences[0]!.text).toBe('Erfurt - Das Nordbad wird neu gebaut.')
    expect(sentences).toHaveLength(7)
  })

  it('reports a missing article in one sentence', async () => {
    const core = testCore()
    expect(await core.invoke('article.sentences', { id: 7 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 7 in the library.' },
    })
  })
})

describe('alignment across outlets', () => {
  const inputs = story.articles.map((a, i) => ({
    id: i + 1,
    sentences: a.sentences.map((s) => s.text),
  }))
  const keys = (r: ReturnType<typeof alignAcross>) =>
    new Set(r.pairs.map((p) => pairKey([p.a.id - 1, p.a.sentence], [p.b.id - 1, p.b.sentence])))

  it('finds the pairs we expect on our own story: precision ≥ 0.9 at recall ≥ 0.75', () => {
    const pr = precisionRecall(keys(alignAcross(inputs)), expectedPairs(story))
    expect(pr.precision).toBeGreaterThanOrEqual(0.9)
    expect(pr.recall).toBeGreaterThanOrEqual(0.75)
    // and does better than plain TF-IDF cosine at the same threshold
    const baseline = precisionRecall(keys(alignTfIdf(inputs)), expectedPairs(story))
    expect(pr.f1).toBeGreaterThan(baseline.f1)
  })

  it('pairs sentences in any order and one with several (many-to-many)', () => {
    const r = alignAcross(inputs)
    const found = keys(r)
    // the agency's crew sentence (1) and the tabloid's (7), far apart in their articles
    expect(found.has(pairKey([0, 1], [2, 7]))).toBe(true)
    // the regional paper's long second sentence covers what the agency says in two
    expect(found.has(pairKey([0, 0], [1, 1]))).toBe(true)
    expect(found.has(pairKey([0, 3], [1, 1]))).toBe(true)
    // its lead (aground, and oil leaking) is what the tabloid says in two short sentences
    expect(found.has(pairKey([1, 0], [2, 1]))).toBe(true)
    expect(found.has(pairKey([1, 0], [2, 2]))).toBe(true)
    // the same pairs whichever article comes first
    const reversed = alignAcross([...inputs].reverse())
    expect(keys(reversed)).toEqual(found)
  })

  it('marks what only one outlet reports as "only here"', () => {
    const r = alignAcross(inputs)
    const only = new Set(r.only.map((o) => `${o.id - 1}:${o.sentence}`))
    // the agency's look back to 2017, the regional tourism worry, the tabloid's witness and onlookers
    for (const k of ['0:14', '1:5', '2:8', '2:9']) expect(only.has(k)).toBe(true)
    expect(expectedOnly(story).has('0:14')).toBe(true)
    // every sentence marked "only here" is one (and few are missed)
    const pr = precisionRecall(only, expectedOnly(story))
    expect(pr.precision).toBe(1)
    expect(pr.recall).toBeGreaterThanOrEqual(0.85)
  })

  it('pairs a compound with a shorter one of the same parts (Atomwaffenprogramm ~ Atomprogramm)', () => {
    const r = alignAcross([
      { id: 1, sentences: ['Das Atomwaffenprogramm des Landes wächst.', 'Die Sonne scheint.'] },
      {
        id: 2,
        sentences: ['Es regnet in Berlin.', 'Experten sehen das Atomprogramm mit Sorge wachsen.'],
      },
    ])
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      [
        { id: 1, sentence: 0 },
        { id: 2, sentence: 1 },
      ],
    ])
    expect(r.only).toEqual([
      { id: 1, sentence: 1 },
      { id: 2, sentence: 0 },
    ])
  })

  it('counts 4.000 and 4000, zwei and 2 as the same number', () => {
    const r = alignAcross([
      {
        id: 1,
        sentences: [
          'Die Polizei zählte 4.000 Demonstranten.',
          'Der Zug war zwei Kilometer lang.',
          'Die Stimmung blieb friedlich.',
        ],
      },
      {
        id: 2,
        sentences: [
          'Am Abend regnete es in der Innenstadt.',
          'Nach Angaben der Polizei protestierten 4000 Menschen.',
          'Der Protestzug erstreckte sich über 2 Kilometer.',
        ],
      },
    ])
    expect(r.pairs.map((p) => [p.a.sentence, p.b.sentence])).toEqual([
      [0, 1],
      [1, 2],
    ])
  })
})

describe('a story read in parallel', () => {
  it('is aligned once, cached, and aligned again when an article changes', async () => {
    const core = testCore()
    const { articles } = await importStory(core, story)
    const s = await call(core, 'story.create', { title: 'Fehmarn', articles })
    const first = await call(core, 'align.story', { id: s.id })
    expect(first.articles.map((a) => a.outlet)).toEqual([
      'Nordsee-Agentur',
      'Nordblitz Online',
      'Ostholsteiner Bote',
    ])
    expect(first.pairs.length).toBeGreaterThan(20)
    const cached = () =>
      core.db.prepare('SELECT count(*) FROM story_alignments WHERE story_id = ?').pluck().get(s.id)
    expect(cached()).toBe(1)
    expect(await call(core, 'align.story', { id: s.id })).toEqual(first)
    // the tabloid's first paragraph is rewritten: the cache goes, the new text is aligned
    core.db
      .prepare('UPDATE paragraphs SET text = ? WHERE article_id = ? AND position = 0')
      .run('Alle 21 Seeleute sind gerettet.', articles[2])
    expect(cached()).toBe(0)
    const again = await call(core, 'align.story', { id: s.id })
    const tabloid = again.articles.find((a) => a.id === articles[2])!
    expect(tabloid.sentences[0]!.text).toBe('Alle 21 Seeleute sind gerettet.')
    // removing an article from the story also aligns it again
    await call(core, 'story.removeArticles', { id: s.id, articles: [articles[2]!] })
    expect(cached()).toBe(0)
    expect((await call(core, 'align.story', { id: s.id })).articles).toHaveLength(2)
  })

  it('needs two articles', async () => {
    const core = testCore()
    const [id] = await importArticles(core, [story.unrelated!])
    const s = await call(core, 'story.create', { title: 'Allein', articles: [id!] })
    expect(await core.invoke('align.story', { id: s.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('segments the fixture exactly as written (the expected pairs count sentences this way)', () => {
    for (const a of story.articles)
      expect(sentencesOfBody(a.paragraphs).map((s) => s.text)).toEqual(
        a.sentences.map((s) => s.text),
      )
  })
})
