/**
 * Saved words as a learner meets them: saved from the reader with the sentence, the article,
 * its outlet and date; one lemma keeping every sentence; statuses that change the reader's
 * tints and the articles' difficulty; names and numbers never counted as unknown.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { contextOf, studyLibrary } from '../helpers/study'

const SENTENCE =
  'Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den Sicherheitsgarantien für die Kabel.'

async function paragraphs(core: Parameters<typeof call>[0], id: number) {
  return (await call(core, 'article.get', { id })).paragraphs
}

describe('saving words', () => {
  it('saves the lemma from the popover with the form met, its sentence, the article, outlet and date', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    const word = await call(core, 'vocab.save', {
      word: 'Sicherheitsgarantien',
      articleId: hafen,
      context: contextOf(p[1]!, 'Sicherheitsgarantien'),
    })
    expect(word).toMatchObject({
      lemma: 'Sicherheitsgarantie',
      gender: 'f',
      article: 'die',
      plural: 'Sicherheitsgarantien',
      gloss: 'security guarantee',
      status: 'learning1',
    })
    expect(word.sentences).toEqual([
      expect.objectContaining({
        text: SENTENCE,
        form: 'Sicherheitsgarantien',
        formStart: SENTENCE.indexOf('Sicherheitsgarantien'),
        articleId: hafen,
        articleTitle: 'Einigung in Lübeck nach langen Gesprächen',
        outlet: 'Ostsee-Bote',
        published: '2025-05-06',
        paragraph: 1,
        start: 0,
      }),
    ])
    expect(word.cards.map((c) => c.kind).sort()).toEqual(['cloze', 'gender', 'recognition'])
  })

  it('keeps only the sentence of a long paragraph, even when the context is cut off', async () => {
    const { core, hafen } = await studyLibrary()
    const p = (await paragraphs(core, hafen))[1]!
    const start = p.indexOf('Marlene')
    // the popover sends a window of the paragraph; here it starts in the middle of the sentence
    const word = await call(core, 'vocab.save', {
      word: 'Durchbruch',
      articleId: hafen,
      context: { text: p.slice(start), offset: p.indexOf('Durchbruch') - start },
    })
    expect(word.sentences[0]).toMatchObject({ text: SENTENCE, form: 'Durchbruch' })
  })

  it('gives a phrase no count of articles rather than zero (the counts are of single words)', async () => {
    const { core } = await studyLibrary()
    await call(core, 'vocab.save', { word: 'in Kraft treten' })
    await call(core, 'vocab.save', { word: 'Sicherheitsgarantien' })
    const { words } = await call(core, 'vocab.list', {})
    const frequency = Object.fromEntries(words.map((w) => [w.lemma, w.frequency]))
    expect(frequency['in Kraft treten']).toBeNull()
    expect(frequency['Sicherheitsgarantie']).toEqual(expect.any(Number))
  })

  it('keeps every sentence a lemma was saved with, once each', async () => {
    const { core, hafen, wismar } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    const context = contextOf(p[1]!, 'Sicherheitsgarantien')
    await call(core, 'vocab.save', { word: 'Sicherheitsgarantien', articleId: hafen, context })
    await call(core, 'vocab.save', { word: 'Sicherheitsgarantien', articleId: hafen, context })
    const again = await call(core, 'vocab.save', {
      word: 'Sicherheitsgarantien',
      articleId: wismar,
    })
    expect(again.sentences.map((s) => [s.articleId, s.outlet])).toEqual([
      [hafen, 'Ostsee-Bote'],
      [wismar, 'Wismarer Zeitung'],
    ])
    const { words, total } = await call(core, 'vocab.list', {})
    expect(total).toBe(1)
    expect(words[0]!.sentences).toHaveLength(2)
  })

  it('finds the word by its lemma in the N-th sentence (the command line)', async () => {
    const { core, wismar } = await studyLibrary()
    const word = await call(core, 'vocab.save', {
      word: 'verhandeln',
      articleId: wismar,
      sentence: 2,
    })
    expect(word.sentences[0]).toMatchObject({
      text: 'Die Delegationen wollen im Herbst erneut verhandeln.',
      form: 'verhandeln',
    })
    const bad = await core.invoke('vocab.save', { word: 'Kabel', articleId: wismar, sentence: 2 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const none = await core.invoke('vocab.save', { word: 'Kabel', articleId: wismar, sentence: 9 })
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('keeps two words of one lemma text apart by gender (das Band, die Band)', async () => {
    const { core } = await studyLibrary()
    await call(core, 'vocab.save', { word: 'Band' })
    const words = (await call(core, 'vocab.list', {})).words
    expect(words).toHaveLength(1)
    // the other one, edited to its own gender, is a second word
    const other = await call(core, 'vocab.update', { id: words[0]!.id, gender: 'f' })
    await call(core, 'vocab.save', { word: 'Band' })
    const genders = (await call(core, 'vocab.list', { sort: 'lemma' })).words.map((w) => w.gender)
    expect(genders.sort()).toEqual([other.gender, 'n'].sort())
  })

  it('keeps saved words, sentences and cards when the dictionary is imported again', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    await call(core, 'vocab.save', {
      word: 'Häfen',
      articleId: hafen,
      context: contextOf(p[2]!, 'Häfen'),
    })
    const before = (await call(core, 'vocab.list', {})).words[0]!
    core.db.prepare("DELETE FROM lexicon_dictionaries WHERE name LIKE '%words.ding'").run()
    await call(core, 'dict.import', {
      name: 'again',
      data: readFileSync(join(ROOT, 'tests/fixtures/study/words.ding')).toString('base64'),
    })
    const after = (await call(core, 'vocab.list', {})).words[0]!
    expect(after).toEqual(before)
    // and the reader still finds its status through the new entries
    const tints = await call(core, 'study.articleWords', { id: hafen })
    expect(tints.lemmas[tints.forms['Häfen']!]).toMatchObject({ key: 'hafen', status: 'learning1' })
  })

  it('deletes a word, and its sentences and cards with it; the article may go, the sentence stays', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    const w = await call(core, 'vocab.save', {
      word: 'Kabel',
      articleId: hafen,
      context: contextOf(p[1]!, 'Kabel'),
    })
    await call(core, 'article.delete', { id: hafen })
    const kept = await call(core, 'vocab.get', { id: w.id })
    expect(kept.sentences[0]).toMatchObject({ articleId: null, outlet: 'Ostsee-Bote' })
    expect(await call(core, 'vocab.delete', { id: w.id })).toEqual({ deleted: true })
    expect((await call(core, 'vocab.list', {})).total).toBe(0)
    expect(core.db.prepare('SELECT count(*) FROM study_cards').pluck().get()).toBe(0)
  })

  it('refuses bad input with one sentence', async () => {
    const { core } = await studyLibrary()
    expect(await core.invoke('vocab.save', { word: 'Kabel', articleId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 999 in the library.' },
    })
    expect(await core.invoke('vocab.status', { lemma: 'Kabel', status: 'fast' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })
})

describe('what I know', () => {
  it('tints by status: a saved word is learning, a marked one known, names and numbers never', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    const status = async (form: string) => {
      const w = await call(core, 'study.articleWords', { id: hafen })
      const i = w.forms[form]
      return i === undefined ? undefined : w.lemmas[i]!.status
    }
    expect(await status('Durchbruch')).toBe('new')
    await call(core, 'vocab.save', {
      word: 'Durchbruch',
      articleId: hafen,
      context: contextOf(p[1]!, 'Durchbruch'),
    })
    expect(await status('Durchbruch')).toBe('learning1')
    await call(core, 'vocab.status', { lemma: 'Durchbruch', status: 'known' })
    expect(await status('Durchbruch')).toBe('known')
    // a form of a lemma finds the lemma's status (Delegationen -> Delegation)
    await call(core, 'vocab.status', { lemma: 'Delegationen', status: 'learning3' })
    expect(await status('Delegationen')).toBe('learning3')
    // names (Marlene Hohenstein, a place the dictionary marks [geogr.]) and numbers: no tint
    for (const skipped of ['Marlene', 'Hohenstein', 'Lübeck', '14', '48'])
      expect(await status(skipped)).toBeUndefined()
  })

  it('marks every remaining new word of an article as known, and leaves learning words alone', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    await call(core, 'vocab.save', {
      word: 'Kabel',
      articleId: hafen,
      context: contextOf(p[1]!, 'Kabel'),
    })
    const before = await call(core, 'study.articleWords', { id: hafen })
    expect(before.newLemmas).toBe(before.lemmas.length - 1)
    const { marked } = await call(core, 'study.markKnown', { id: hafen })
    expect(marked).toBe(before.newLemmas)
    const after = await call(core, 'study.articleWords', { id: hafen })
    expect(after.newLemmas).toBe(0)
    expect(after.lemmas[after.forms['Kabel']!]!.status).toBe('learning1')
    expect(after.lemmas.filter((l) => l.status === 'known')).toHaveLength(marked)
    // one running word of the counted ones is still being learned
    expect(after.unknownShare).toBeCloseTo(1 / after.words, 5)
  })

  it('changes the difficulty of every article that has the word, in the background', async () => {
    const { core, hafen, wismar } = await studyLibrary()
    const first = await call(core, 'study.difficulty', { wait: true })
    // nothing known yet: every share is 1, and the lists are left empty
    expect(first).toMatchObject({ active: false, ids: [], shares: [] })
    await call(core, 'study.markKnown', { id: wismar })
    await core.study.settled()
    const d = await call(core, 'study.difficulty', {})
    const share = (id: number) => d.shares[d.ids.indexOf(id)]!
    expect(share(wismar)).toBe(0)
    // the words both articles share are known now: the other one got easier, not easy
    expect(share(hafen)).toBeLessThan(1)
    expect(share(hafen)).toBeGreaterThan(0.3)
    expect(d.computing).toBe(false)
    // ignoring a word takes it out of the count (a place is not counted in the first place)
    const words = await call(core, 'study.articleWords', { id: wismar })
    await call(core, 'vocab.status', { lemma: 'Wismar', status: 'ignored' })
    expect((await call(core, 'study.articleWords', { id: wismar })).words).toBe(words.words)
    await call(core, 'vocab.status', { lemma: 'Kabel', status: 'ignored' })
    const ignored = await call(core, 'study.articleWords', { id: wismar })
    // "Kabel" stands in the title and once in the text
    expect(ignored.words).toBe(words.words - 2)
  })

  it('lists, filters and sorts the vocabulary', async () => {
    const { core, hafen } = await studyLibrary()
    const p = await paragraphs(core, hafen)
    for (const [w, i] of [
      ['Sanktionen', 0],
      ['Durchbruch', 1],
      ['Häfen', 2],
    ] as const)
      await call(core, 'vocab.save', { word: w, articleId: hafen, context: contextOf(p[i]!, w) })
    await call(core, 'vocab.status', { lemma: 'Sanktion', status: 'known' })
    const lemmas = async (input: object) =>
      (await call(core, 'vocab.list', input)).words.map((w) => w.lemma)
    expect(await lemmas({ sort: 'lemma', order: 'asc' })).toEqual([
      'Durchbruch',
      'Hafen',
      'Sanktion',
    ])
    expect(await lemmas({ status: 'known' })).toEqual(['Sanktion'])
    expect(await lemmas({ status: 'learning', sort: 'lemma', order: 'asc' })).toEqual([
      'Durchbruch',
      'Hafen',
    ])
    expect(await lemmas({ filter: 'harbour' })).toEqual(['Hafen'])
    expect(await lemmas({ sort: 'date', order: 'asc' })).toEqual([
      'Sanktion',
      'Durchbruch',
      'Hafen',
    ])
    expect(await lemmas({ limit: 1, offset: 2, sort: 'date', order: 'asc' })).toEqual(['Hafen'])
  })
})
