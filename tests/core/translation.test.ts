/** An article and its translation: beads, language detection, corrections that are kept. */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { beadKey, loadTranslation, precisionRecall } from '../fixtures/parallel/gold'
import { call, tempDir, testCore } from '../helpers/core'
import { importArticles } from '../helpers/parallel'
import type { Core } from '../../electron/core'

const fx = loadTranslation()
const english = fx.en.map((p) => p.join(' ')).join('\n\n')

/** The fixture's German article, imported. */
async function importGerman(core: Core): Promise<number> {
  const [article] = await importArticles(core, [
    {
      title: fx.title,
      outlet: fx.outlet,
      published: fx.published,
      paragraphs: fx.de.map((p) => p.join(' ')),
    },
  ])
  return article!
}

async function withTranslation(core: Core) {
  const article = await importGerman(core)
  const added = await call(core, 'translation.add', { id: article, text: english })
  return { article, translation: added.id }
}

const beadKeys = (beads: { source: number[]; translation: number[] }[]) =>
  new Set(beads.map((b) => beadKey(b.source, b.translation)))

describe('translations', () => {
  it('detects English and keeps the sentences as written', async () => {
    const core = testCore()
    const { article } = await withTranslation(core)
    const [t] = await call(core, 'translation.list', { id: article })
    expect(t).toMatchObject({ lang: 'en', detected: true, sentences: 18, articleId: article })
  })

  it('aligns the beads we expect, joins and splits included (bead F1 ≥ 0.95 with the built-in glossary)', async () => {
    const core = testCore()
    const { translation } = await withTranslation(core)
    const r = await call(core, 'translation.get', { id: translation })
    expect(r.source.sentences.map((s) => s.text)).toEqual(fx.de.flat())
    expect(r.translation.sentences.map((s) => s.text)).toEqual(fx.en.flat())
    const f1 = precisionRecall(
      beadKeys(r.beads),
      new Set(fx.beads.map(([s, t]) => beadKey(s, t))),
    ).f1
    expect(f1).toBeGreaterThanOrEqual(0.95)
    // a 2-1 bead, a 1-2 bead, a sentence added and one left out
    expect(r.beads).toContainEqual(expect.objectContaining({ source: [0, 1], translation: [0] }))
    expect(r.beads).toContainEqual(expect.objectContaining({ source: [2], translation: [1, 2] }))
    expect(r.beads).toContainEqual(expect.objectContaining({ source: [], translation: [15] }))
    expect(r.beads).toContainEqual(expect.objectContaining({ source: [16], translation: [] }))
  })

  it('aligns a translation of the first paragraphs only, leaving the rest of the article out', async () => {
    // a learner translates the beginning: 9 of the 18 English sentences, half the length
    const core = testCore()
    const article = await importGerman(core)
    const part = fx.en.slice(0, 3)
    const kept = part.flat().length
    const added = await call(core, 'translation.add', {
      id: article,
      text: part.map((p) => p.join(' ')).join('\n\n'),
    })
    const r = await call(core, 'translation.get', { id: added.id })
    const want = fx.beads.filter(([, t]) => t.length > 0 && t.every((i) => i < kept))
    expect(want).toHaveLength(7)
    for (const [source, translation] of want)
      expect(r.beads).toContainEqual(expect.objectContaining({ source, translation }))
    // every German sentence after the translated part stands alone
    const last = Math.max(...want.flatMap(([source]) => source))
    for (let i = last + 1; i < fx.de.flat().length; i++)
      expect(r.beads).toContainEqual(expect.objectContaining({ source: [i], translation: [] }))
  })

  it('refuses an empty translation and one whose language cannot be told, in one sentence', async () => {
    const core = testCore()
    const [article] = await importArticles(core, [
      {
        title: fx.title,
        outlet: fx.outlet,
        published: fx.published,
        paragraphs: ['Der Landtag hat heute ein neues Förderprogramm beschlossen.'],
      },
    ])
    expect(await core.invoke('translation.add', { id: article!, text: ' \n ' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The translation is empty.' },
    })
    expect(await core.invoke('translation.add', { id: article!, text: '12 34 56' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('--lang') },
    })
    // with the language given it is taken
    const t = await call(core, 'translation.add', {
      id: article!,
      text: 'One sentence.',
      lang: 'en',
    })
    expect(t).toMatchObject({ lang: 'en', detected: false, sentences: 1 })
  })

  it('keeps corrected links (join, split, move) when the library is opened again and re-aligned', async () => {
    const path = join(tempDir(), 'library.sqlite')
    let core = testCore({ libraryPath: path })
    const { translation } = await withTranslation(core)
    const before = await call(core, 'translation.get', { id: translation })
    const first = before.beads[0]!
    expect(first).toMatchObject({ source: [0, 1], translation: [0], fixed: false })
    // split the first bead: sentence 0 alone with the English sentence, sentence 1 alone
    let r = await call(core, 'translation.correct', {
      id: translation,
      op: 'split',
      bead: 0,
      source: 1,
      translation: 1,
    })
    expect(r.beads.slice(0, 2)).toEqual([
      expect.objectContaining({ source: [0], translation: [0], fixed: true }),
      expect.objectContaining({ source: [1], translation: [], fixed: true }),
    ])
    // move the German sentence 1 up into the first bead again, by hand
    r = await call(core, 'translation.correct', {
      id: translation,
      op: 'move',
      bead: 1,
      side: 'source',
      direction: 'up',
    })
    expect(r.beads[0]).toMatchObject({ source: [0, 1], translation: [0], fixed: true })
    // join the two last beads
    const last = r.beads.length - 2
    r = await call(core, 'translation.correct', { id: translation, op: 'join', bead: last })
    expect(r.beads.at(-1)).toMatchObject({ source: [16, 17], translation: [17], fixed: true })
    const corrected = r.beads
    core.close()

    // opened again, and aligned again from scratch (the cache emptied): the corrections stay
    core = testCore({ libraryPath: path })
    core.db.exec('DELETE FROM translation_alignments')
    const after = await call(core, 'translation.get', { id: translation })
    expect(after.beads).toEqual(corrected)

    // reset forgets them
    const reset = await call(core, 'translation.correct', { id: translation, op: 'reset' })
    expect(reset.beads.every((b) => !b.fixed)).toBe(true)
  })

  it('refuses a correction that does not fit, and changes nothing', async () => {
    const core = testCore()
    const { translation } = await withTranslation(core)
    const before = await call(core, 'translation.get', { id: translation })
    const bad = await core.invoke('translation.correct', {
      id: translation,
      op: 'join',
      bead: before.beads.length - 1,
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call(core, 'translation.get', { id: translation })).toEqual(before)
  })

  it('aligns again when the article’s text changes, keeping links whose sentences are unchanged', async () => {
    const core = testCore()
    const { article, translation } = await withTranslation(core)
    await call(core, 'translation.correct', { id: translation, op: 'join', bead: 0 })
    core.db
      .prepare('UPDATE paragraphs SET text = ? WHERE article_id = ? AND position = 5')
      .run('Die ersten Anträge können ab Januar gestellt werden.', article)
    const r = await call(core, 'translation.get', { id: translation })
    expect(r.source.sentences).toHaveLength(16)
    expect(r.beads[0]).toMatchObject({ source: [0, 1, 2], translation: [0, 1, 2], fixed: true })
  })
})
