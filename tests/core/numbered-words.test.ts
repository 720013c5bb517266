/**
 * Words written with a number, as news writes ages, shares and durations: "die 64-jährige
 * Kanzlerin", "ein 30-Jähriger", "um das 4-Fache", "die 80er-Jahre", "nach dem 2:0-Sieg".
 * The popover explains them (they were "in no dictionary"), the reader tints them as the
 * popover reads them, and a saved age is known at every age.
 */
import { describe, expect, it } from 'vitest'
import { call } from '../helpers/core'
import { contextOf, wordLibrary } from '../helpers/study'

// written for these tests (invented towns' news)
const EUTIN = `---
title: Neue Bürgermeisterin in Eutin
outlet: Holsteiner Kurier
published: 2025-09-01
---

Die 64-jährige Juristin gewann die Wahl nach einer 90-minütigen Auszählung.

Ihr Vorgänger, ein 71-Jähriger, gratulierte ihr am Abend.
`

const PLOEN = `---
title: Radfahrer in Plön verletzt
outlet: Plöner Anzeiger
published: 2025-09-02
---

Ein 19-jähriger Radfahrer wurde am Morgen schwer verletzt.

Die Feuerwehr war mit 64 Kräften im Einsatz.
`

async function library() {
  const lib = await wordLibrary([EUTIN, PLOEN])
  const [eutin, ploen] = lib.ids as [number, number]
  return { ...lib, eutin, ploen }
}

describe('a word written with a number', () => {
  it('is explained with its number: an age, a duration, a person of that age', async () => {
    const { core, eutin, lookUp } = await library()
    expect(await lookUp(eutin, 0, '64-jährige')).toMatchObject({
      found: true,
      lemma: '…-jährig',
      pos: 'adj',
      parts: ['64', '…-jährig'],
    })
    expect((await lookUp(eutin, 0, '64-jährige')).explanation).toContain('64 Jahre alt')
    const minutes = await lookUp(eutin, 0, '90-minütigen')
    expect(minutes).toMatchObject({ lemma: '…-minütig', pos: 'adj' })
    expect(minutes.explanation).toContain('90 Minuten lang')
    // the headword itself, as the word list shows it
    expect(await call(core, 'lexicon.lookup', { word: '…-jährig' })).toMatchObject({
      found: true,
      lemma: '…-jährig',
      parts: [],
    })
    expect(await lookUp(eutin, 1, '71-Jähriger')).toMatchObject({
      lemma: '…-Jährige',
      pos: 'noun',
      article: 'der',
      plural: '…-Jährigen',
    })
  })

  it('is a woman after a feminine article, as any nominalised adjective', async () => {
    const { core } = await library()
    const lookUp = (text: string, word: string) =>
      call(core, 'lexicon.lookup', { word, context: contextOf(text, word) })
    const woman = await lookUp('Eine 72-Jährige starb im Krankenhaus.', '72-Jährige')
    expect(woman).toMatchObject({ lemma: '…-Jährige', gender: 'f', article: 'die' })
    const man = await lookUp('Ein 72-Jähriger starb im Krankenhaus.', '72-Jähriger')
    expect(man).toMatchObject({ lemma: '…-Jährige', gender: 'm', article: 'der' })
    // the plural after "die" stays as it is
    const many = await lookUp('Die 72-Jährigen wurden gerettet.', '72-Jährigen')
    expect(many.article).toBe('der')
    expect(await lookUp('Die Abgeordnete sprach lange.', 'Abgeordnete')).toMatchObject({
      lemma: 'Abgeordnete',
      article: 'die',
    })
  })

  it('is read alike by the popover and the reader', async () => {
    const { core, eutin, paragraph, lookUp } = await library()
    const text = paragraph(eutin, 0)
    const { lemmas } = core.lexicon.annotate(text)
    // Die 64-jährige Juristin gewann die Wahl nach einer 90-minütigen Auszählung.
    expect(lemmas[1]).toBe('…-jährig')
    expect((await lookUp(eutin, 0, '64-jährige')).lemma).toBe(lemmas[1])
    expect(lemmas[8]).toBe('…-minütig')
    expect((await lookUp(eutin, 0, '90-minütigen')).lemma).toBe(lemmas[8])
  })

  it('saved once, is known at every age; a bare number is still no word', async () => {
    const { core, eutin, ploen, paragraph, status } = await library()
    expect(await status(ploen, '19-jähriger')).toBe('new')
    const saved = await call(core, 'vocab.save', {
      word: '64-jährige',
      articleId: eutin,
      context: contextOf(paragraph(eutin, 0), '64-jährige'),
    })
    expect(saved.lemma).toBe('…-jährig')
    await call(core, 'vocab.status', { id: saved.id, status: 'known' })
    expect(await status(ploen, '19-jähriger')).toBe('known')
    expect(await status(ploen, '64')).toBeUndefined()
  })

  it('occurs wherever an age is written with it, not where the number stands alone', async () => {
    const { eutin, ploen, lookUp } = await library()
    const age = await lookUp(eutin, 0, '64-jährige')
    expect(age.occurrences.articles.map((a) => a.id).sort()).toEqual([eutin, ploen].sort())
    expect(age.occurrences.total).toBe(2)
  })

  it('after a score is the noun itself; a decade is the decade', async () => {
    const { core } = await library()
    const text = 'Nach dem 2:0-Sieg feierten die Fans wie in den 80er-Jahren.'
    const lookUp = (word: string) =>
      call(core, 'lexicon.lookup', { word, context: contextOf(text, word) })
    expect(await lookUp('0-Sieg')).toMatchObject({ lemma: 'Sieg', pos: 'noun', article: 'der' })
    expect(await lookUp('80er-Jahren')).toMatchObject({
      lemma: '80er-Jahre',
      article: 'die',
      gloss: 'the 80s (the decade)',
    })
  })
})
