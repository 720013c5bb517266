/** German sentence segmentation: the table of our own cases, and the offsets it promises. */
import { describe, expect, it } from 'vitest'
import { segmentSentences } from '../../electron/core/text/sentences'
import { SENTENCE_CASES } from '../fixtures/parallel/sentences'

const texts = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end))

describe('segmentSentences', () => {
  it('has a table of at least 80 cases', () => {
    expect(SENTENCE_CASES.length).toBeGreaterThanOrEqual(80)
  })

  it.each(SENTENCE_CASES.map((c) => [c.topic, c] as const))('%s', (_topic, c) => {
    expect(texts(c.text)).toEqual(c.sentences)
  })

  it('gives offsets into the text, in order, without overlapping or white space at the edges', () => {
    const text = ' Erster Satz.  Zweiter Satz!\n\nDritter Satz? '
    const spans = segmentSentences(text)
    expect(spans).toEqual([
      { start: 1, end: 13 },
      { start: 15, end: 28 },
      { start: 30, end: 43 },
    ])
  })

  it('segments English text too (for translations)', () => {
    const text = 'Mr. Smith arrived on Monday. He met the mayor, e.g. at the harbour. Then he left.'
    expect(texts(text)).toEqual([
      'Mr. Smith arrived on Monday.',
      'He met the mayor, e.g. at the harbour.',
      'Then he left.',
    ])
  })
})
