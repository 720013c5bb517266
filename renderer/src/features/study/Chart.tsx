import { useEffect, useRef } from 'react'
import type uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartSeries {
  label: string
  /** A CSS variable of the theme ("--ok"), so charts follow light and dark themes. */
  color: string
  values: (number | null)[]
}

/** Whether this window can draw on a canvas (not in a DOM without one: then only the table). */
function canDraw(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('2d'))
  } catch {
    return false
  }
}

const SECONDS = (day: string) => new Date(`${day}T00:00:00`).getTime() / 1000

/**
 * The steps between the value axis's ticks for counts (reviews, words, minutes): whole
 * numbers only, so a day with one review shows the ticks 0 and 1, not 0, 0.5 and 1 (which
 * a count's format prints as "0, 1, 1").
 */
export const WHOLE_STEPS = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
].concat([10_000, 20_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000])

/**
 * A chart drawn by uPlot (canvas; styles through CSSOM and its own stylesheet, so the strict
 * CSP holds), with its figures as a table for screen readers and exact values.
 */
export function Chart({
  title,
  days,
  series,
  kind,
  stack = false,
  lang,
  format = (n) => String(n),
  whole = false,
  testId,
  empty,
}: {
  title: string
  /** Local days (`YYYY-MM-DD`) of the x axis. */
  days: string[]
  series: ChartSeries[]
  /** Bars are drawn over each other in order (the first should be the largest: stacking). */
  kind: 'bars' | 'lines'
  /** Bars stacked on each other (the table still shows each series' own figures). */
  stack?: boolean
  lang: string
  format?: (n: number) => string
  /** The values are counts: the value axis has ticks on whole numbers only. */
  whole?: boolean
  testId?: string
  /** Said under the title when there is nothing to draw yet. */
  empty?: string
}) {
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el || !canDraw() || days.length === 0) return
    let plot: uPlot | null = null
    let resize: ResizeObserver | null = null
    let live = true
    // stacked bars: each series drawn as the sum of itself and those below it, the tallest first
    const drawn = stack
      ? series
          .map((s, i) => ({
            ...s,
            values: days.map((_, d) =>
              series.slice(0, i + 1).reduce((sum, x) => sum + (x.values[d] ?? 0), 0),
            ),
          }))
          .reverse()
      : series
    // uPlot is loaded with the first chart (the study page), not with the app
    void import('uplot').then(({ default: UPlot }) => {
      if (!live) return
      plot = new UPlot(options(UPlot, el), [days.map(SECONDS), ...drawn.map((s) => s.values)], el)
      resize = new ResizeObserver(() =>
        plot?.setSize({ width: Math.max(240, el.clientWidth), height: 190 }),
      )
      resize.observe(el)
    })
    const options = (UPlot: typeof uPlot, el: HTMLElement): uPlot.Options => {
      const css = getComputedStyle(document.documentElement)
      const color = (name: string) => css.getPropertyValue(name).trim() || '#888'
      const dateFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric' })
      const bars = UPlot.paths.bars!({ size: [0.75, 28], align: 0 })
      const axis = {
        stroke: color('--ink-soft'),
        grid: { stroke: color('--rule'), width: 1 },
        ticks: { stroke: color('--rule') },
      }
      return {
        width: Math.max(240, el.clientWidth),
        height: 190,
        legend: { live: false },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          {
            ...axis,
            space: 56,
            values: (_u, splits) => splits.map((s) => dateFormat.format(new Date(s * 1000))),
          },
          {
            ...axis,
            values: (_u, splits) => splits.map((s) => format(s)),
            size: 48,
            ...(whole ? { incrs: WHOLE_STEPS } : {}),
          },
        ],
        series: [
          {},
          ...drawn.map((s) => ({
            label: s.label,
            stroke: color(s.color),
            fill: kind === 'bars' ? color(s.color) : undefined,
            width: kind === 'bars' ? 0 : 2,
            paths: kind === 'bars' ? bars : undefined,
            points: { show: kind === 'lines' && days.length < 20 },
            spanGaps: false,
          })),
        ],
      }
    }
    return () => {
      live = false
      resize?.disconnect()
      plot?.destroy()
    }
  }, [days, series, kind, stack, lang, format, whole])

  const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' })
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {empty && series.every((s) => s.values.every((v) => !v)) && (
        <p className="muted chart-empty">{empty}</p>
      )}
      <div className="chart-canvas" ref={box} aria-hidden="true" />
      <details className="chart-table">
        <summary>{title}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d}>
                <th scope="row">{dayFormat.format(new Date(`${d}T00:00:00`))}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] === null ? '–' : format(s.values[i]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
