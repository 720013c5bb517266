/**
 * Review with FSRS: the schedule equals ts-fsrs's for the same answers and times, persists in
 * the library, can be recomputed from the log and undone; cards as the learner sees them; the
 * daily limit of new cards.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { FSRS_PARAMETERS, readCard, replayCard, toFsrsCard } from '../../electron/core/study/fsrs'
import type { Rating as Answer } from '../../shared/study'
import { call, tempDir } from '../helpers/core'
import { contextOf, studyLibrary } from '../helpers/study'
import { createCore } from '../../electron/core'
import { join } from 'node:path'

/** Tomorrow, 8 in the morning (local): after the words were saved, far from midnight. */
const T0 = new Date()
T0.setDate(T0.getDate() + 1)
T0.setHours(8, 0, 0, 0)
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

async function savedNoun(options: { libraryPath?: string } = {}) {
  const lib = await studyLibrary(options)
  const p = (await call(lib.core, 'article.get', { id: lib.hafen })).paragraphs
  const word = await call(lib.core, 'vocab.save', {
    word: 'Sicherheitsgarantien',
    articleId: lib.hafen,
    context: contextOf(p[1]!, 'Sicherheitsgarantien'),
  })
  return { ...lib, word }
}

describe('FSRS scheduling', () => {
  it('equals ts-fsrs for the same answers at the same times', async () => {
    const { core, word } = await savedNoun()
    const card = word.cards.find((c) => c.kind === 'recognition')!
    // the card was created when the word was saved; ts-fsrs starts from the same empty card
    const created = readCard(core.db, card.id)!.created_at
    const answers: [Answer, number][] = [
      ['good', 0],
      ['good', 12],
      ['again', 60 * 24 * 3],
      ['hard', 60 * 24 * 3 + 10],
      ['good', 60 * 24 * 5],
      ['easy', 60 * 24 * 20],
      ['good', 60 * 24 * 80],
    ]
    const f = fsrs(FSRS_PARAMETERS)
    let expected: Card = createEmptyCard(new Date(created))
    const grade: Record<Answer, Grade> = {
      again: Rating.Again,
      hard: Rating.Hard,
      good: Rating.Good,
      easy: Rating.Easy,
    }
    for (const [rating, minutes] of answers) {
      const now = at(minutes)
      expected = f.next(expected, now, grade[rating]).card
      const result = await call(core, 'review.answer', {
        card: card.id,
        rating,
        now: now.toISOString(),
      })
      expect(result).toMatchObject({
        due: expected.due.toISOString(),
        stability: expected.stability,
        difficulty: expected.difficulty,
        state: ['new', 'learning', 'review', 'relearning'][expected.state],
        reps: expected.reps,
        lapses: expected.lapses,
      })
    }
    // the state persisted in the library is ts-fsrs's card, and the log recomputes it
    expect(toFsrsCard(readCard(core.db, card.id)!)).toEqual(expected)
    expect(replayCard(core.db, card.id)).toEqual(expected)
  })

  it('keeps the schedule in the library file across restarts', async () => {
    const path = join(tempDir(), 'lib.sqlite')
    const { core, word } = await savedNoun({ libraryPath: path })
    const card = word.cards.find((c) => c.kind === 'recognition')!.id
    const answered = await call(core, 'review.answer', {
      card,
      rating: 'good',
      now: at(0).toISOString(),
    })
    core.close()
    const again = createCore({ libraryPath: path })
    try {
      const w = await call(again, 'vocab.list', {})
      expect(w.words[0]!.cards.find((c) => c.id === card)).toMatchObject({
        due: answered.due,
        state: answered.state,
      })
    } finally {
      again.close()
    }
  })

  it('undoes the last answer exactly', async () => {
    const { core, word } = await savedNoun()
    const id = word.cards[0]!.id
    await call(core, 'review.answer', { card: id, rating: 'good', now: at(0).toISOString() })
    const before = readCard(core.db, id)
    await call(core, 'review.answer', { card: id, rating: 'again', now: at(15).toISOString() })
    expect(readCard(core.db, id)).not.toEqual(before)
    expect(await call(core, 'review.undo', {})).toEqual({ card: id, lemma: 'Sicherheitsgarantie' })
    expect(readCard(core.db, id)).toEqual(before)
    await call(core, 'review.undo', {})
    expect(readCard(core.db, id)).toMatchObject({ state: 0, reps: 0 })
    expect(await core.invoke('review.undo', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no answer to undo.' },
    })
  })

  it('refuses an answer dated before the last one', async () => {
    const { core, word } = await savedNoun()
    const id = word.cards[0]!.id
    await call(core, 'review.answer', { card: id, rating: 'good', now: at(10).toISOString() })
    const r = await core.invoke('review.answer', {
      card: id,
      rating: 'good',
      now: at(5).toISOString(),
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('cards', () => {
  it('asks the word in a gap of the learner own sentence with the gloss as hint', async () => {
    const { core, word } = await savedNoun()
    const cloze = word.cards.find((c) => c.kind === 'cloze')!
    // answer the others away so the cloze comes up (one new card per word a day: next day)
    for (const c of word.cards.filter((c) => c.kind !== 'cloze'))
      await call(core, 'review.answer', { card: c.id, rating: 'easy', now: at(0).toISOString() })
    const { card } = await call(core, 'review.next', { now: at(60 * 24 + 1).toISOString() })
    expect(card).toMatchObject({
      id: cloze.id,
      kind: 'cloze',
      lemma: 'Sicherheitsgarantie',
      hint: 'security guarantee',
      cloze: {
        before: 'Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den ',
        answer: 'Sicherheitsgarantien',
        after: ' für die Kabel.',
      },
      front:
        'Die Außenministerin Marlene Hohenstein sprach von einem Durchbruch bei den […] für die Kabel. (security guarantee)',
      source: { title: 'Einigung in Lübeck nach langen Gesprächen', outlet: 'Ostsee-Bote' },
    })
    expect(card!.back).toContain('die Sicherheitsgarantie')
  })

  it('asks der/die/das and the plural of a noun, and word → gloss', async () => {
    const { core, word } = await savedNoun()
    const next = async (minutes: number) =>
      (await call(core, 'review.next', { now: at(minutes).toISOString() })).card!
    const first = await next(0)
    expect(first).toMatchObject({
      kind: 'recognition',
      front: 'die Sicherheitsgarantie',
      back: 'security guarantee',
    })
    await call(core, 'vocab.delete', { id: word.id })
    // a noun saved on its own (no sentence): recognition and gender only
    const again = await call(core, 'vocab.save', { word: 'Strafzoll' })
    expect(again.cards.map((c) => c.kind).sort()).toEqual(['gender', 'recognition'])
    await call(core, 'review.answer', {
      card: again.cards.find((c) => c.kind === 'recognition')!.id,
      rating: 'easy',
      now: at(1).toISOString(),
    })
    // its other card is new: it waits for the next day
    expect((await call(core, 'review.next', { now: at(2).toISOString() })).card).toBeNull()
    const g = await next(60 * 24 * 2)
    expect(g).toMatchObject({
      kind: 'gender',
      noun: { article: 'der', lemma: 'Strafzoll', plural: 'Strafzölle' },
      back: 'der Strafzoll, die Strafzölle',
    })
  })

  it('introduces new cards up to the daily limit, one per word a day', async () => {
    const { core, hafen } = await studyLibrary()
    const p = (await call(core, 'article.get', { id: hafen })).paragraphs
    for (const [w, i] of [
      ['Sanktionen', 0],
      ['Delegationen', 0],
      ['Durchbruch', 1],
      ['Schiffe', 2],
    ] as const)
      await call(core, 'vocab.save', { word: w, articleId: hafen, context: contextOf(p[i]!, w) })
    await call(core, 'study.settings', { newPerDay: 3 })
    const seen: string[] = []
    for (;;) {
      const { card, counts } = await call(core, 'review.next', {
        now: at(seen.length).toISOString(),
      })
      if (!card) {
        expect(counts.fresh).toBe(0)
        break
      }
      // "good" on a new card: it comes back in learning steps (minutes), not today as new
      if (card.state !== 'new') break
      seen.push(card.lemma)
      await call(core, 'review.answer', {
        card: card.id,
        rating: 'easy',
        now: at(seen.length).toISOString(),
      })
    }
    expect(seen).toEqual(['Sanktion', 'Delegation', 'Durchbruch'])
    // the next day: the fourth word, and the second cards of the first ones
    const next = await call(core, 'review.next', { now: at(60 * 24).toISOString() })
    expect(next.counts.fresh).toBe(3)
    expect(next.card?.lemma).toBe('Sanktion')
  })

  it('does not review known or ignored words', async () => {
    const { core, word } = await savedNoun()
    expect((await call(core, 'review.next', { now: at(0).toISOString() })).card).not.toBeNull()
    await call(core, 'vocab.status', { id: word.id, status: 'known' })
    const { card, counts } = await call(core, 'review.next', { now: at(0).toISOString() })
    expect(card).toBeNull()
    expect(counts).toMatchObject({ due: 0, fresh: 0 })
  })

  it('moves a word through the learning levels as its cards are held longer', async () => {
    const { core, word } = await savedNoun()
    const id = word.cards.find((c) => c.kind === 'recognition')!.id
    const status = async () => (await call(core, 'vocab.get', { id: word.id })).status
    await call(core, 'review.answer', { card: id, rating: 'easy', now: at(0).toISOString() })
    expect(await status()).toBe('learning3')
    await call(core, 'review.answer', {
      card: id,
      rating: 'again',
      now: at(60 * 24 * 9).toISOString(),
    })
    expect(await status()).toBe('learning1')
  })
})
