/** The study page's charts: counts are drawn with ticks on whole numbers. */
import { render, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type uPlot from 'uplot'

const made: uPlot.Options[] = []
vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null }
    constructor(options: uPlot.Options) {
      made.push(options)
    }
    setSize() {}
    destroy() {}
  }
  return { default: FakePlot }
})

const { Chart, WHOLE_STEPS } = await import('../../renderer/src/features/study/Chart')

describe('a chart of counts', () => {
  const getContext = HTMLCanvasElement.prototype.getContext
  afterEach(() => {
    HTMLCanvasElement.prototype.getContext = getContext
    vi.unstubAllGlobals()
    made.length = 0
  })

  it('puts the ticks of counts on whole numbers, a share anywhere', async () => {
    // a canvas that draws: the chart is made (uPlot itself is a stand-in here)
    HTMLCanvasElement.prototype.getContext = (() => ({})) as never
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    )
    const days = ['2026-11-30', '2026-12-01', '2026-12-02']
    const series = [{ label: 'Gut', color: '--ok', values: [0, 0, 1] }]
    render(<Chart title="Wiederholungen" days={days} series={series} kind="bars" lang="de" whole />)
    render(<Chart title="Behalten" days={days} series={series} kind="lines" lang="de" />)
    await waitFor(() => expect(made).toHaveLength(2))
    const steps = made.map((o) => o.axes![1]!.incrs)
    expect(steps[0]).toBe(WHOLE_STEPS)
    expect(WHOLE_STEPS.every((n) => Number.isInteger(n) && n >= 1)).toBe(true)
    expect(steps[1]).toBeUndefined()
  })
})
