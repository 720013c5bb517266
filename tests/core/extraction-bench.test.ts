/**
 * The HTML extraction benchmark's scorer, on a tiny annotated set written for Lesesaal: the
 * same matching as the trafilatura evaluation (whitespace-normalised substrings, pooled counts).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExtractionBench } from '../../bench/extraction'
import {
  addCounts,
  countPage,
  isHeldOut,
  loadExtractionSet,
  NO_COUNTS,
  scores,
} from '../../bench/extraction-score'
import { ROOT } from '../helpers/fixtures'

const MINI = join(ROOT, 'tests/fixtures/extraction-mini')
const page = { name: 'x', url: null, with: ['eins zwei', 'drei'], without: ['vier', 'fünf  sechs'] }

describe('the extraction scorer', () => {
  it('counts segments found and missed, with white space normalised', () => {
    expect(countPage(page, 'eins\n  zwei und fünf sechs')).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1 })
    expect(countPage(page, 'drei, eins zwei')).toEqual({ tp: 2, fp: 0, fn: 0, tn: 2 })
  })

  it('counts a refused page as every wanted segment missed', () => {
    expect(countPage(page, null)).toEqual({ tp: 0, fp: 0, fn: 2, tn: 2 })
  })

  it('pools the counts of all pages into precision, recall, accuracy and F1', () => {
    const c = addCounts(addCounts(NO_COUNTS, { tp: 6, fp: 2, fn: 3, tn: 9 }), {
      tp: 2,
      fp: 0,
      fn: 1,
      tn: 1,
    })
    const s = scores(c)
    expect(s).toMatchObject({ tp: 8, fp: 2, fn: 4, tn: 10 })
    expect(s.precision).toBeCloseTo(0.8)
    expect(s.recall).toBeCloseTo(8 / 12)
    expect(s.accuracy).toBeCloseTo(18 / 24)
    expect(s.f1).toBeCloseTo(16 / 22)
    expect(scores(NO_COUNTS).f1).toBe(0)
  })

  it('reads a set sorted by name, holds out every fourth page and reports missing pages', () => {
    const { pages, missing } = loadExtractionSet(MINI)
    expect(pages.map((p) => p.name)).toEqual([
      'a-hafen.html',
      'b-schule.html',
      'c-leer.html',
      'd-markt.html',
    ])
    expect(pages.map((p) => p.heldOut)).toEqual([false, false, false, true])
    expect([0, 1, 2, 3, 7].map(isHeldOut)).toEqual([false, false, false, true, true])
    expect(missing).toEqual(['e-fehlt.html'])
  })

  it('scores Lesesaal and Readability alone in one run', async () => {
    const { figures, table } = await runExtractionBench(MINI, 1)
    // written down before the run: every wanted segment of the three real articles, none of the
    // furniture; the empty page is refused by both (its segment missed, its furniture absent)
    expect(figures.lesesaal.all).toMatchObject({ tp: 6, fp: 0, fn: 1, tn: 6 })
    expect(figures.lesesaal.refused).toBe(1)
    expect(figures.lesesaal.heldOut).toMatchObject({ tp: 2, fp: 0, fn: 0, tn: 1 })
    expect(figures.readability.all.tp).toBeGreaterThan(0)
    expect(figures.refusedWhereReadabilityFinds).toEqual([])
    expect(figures.lesesaal.pagesPerSecond).toBeGreaterThan(0)
    expect(table).toContain('| Lesesaal |')
    expect(table).toContain('| Readability alone |')
  })
})
