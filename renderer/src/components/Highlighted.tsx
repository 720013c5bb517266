import type { ReactNode } from 'react'
import type { TextRange } from '../../../shared/types'

/**
 * Text with some ranges marked. `transform` (e.g. hyphenation) is applied to each piece on
 * its own, so it cannot shift the ranges.
 */
export function Highlighted({
  text,
  ranges,
  transform = (s) => s,
  firstMark = 0,
  current = -1,
}: {
  text: string
  ranges: TextRange[]
  transform?: (s: string) => string
  /** The number of the first mark here among all marks on the page (for next/previous). */
  firstMark?: number
  /** The page-wide number of the current mark, shown more strongly. */
  current?: number
}) {
  if (ranges.length === 0) return <>{transform(text)}</>
  const out: ReactNode[] = []
  let at = 0
  ranges.forEach((r, i) => {
    if (r.start > at) out.push(transform(text.slice(at, r.start)))
    out.push(
      <mark
        key={i}
        className={firstMark + i === current ? 'current' : undefined}
        data-mark={firstMark + i}
      >
        {transform(text.slice(r.start, r.end))}
      </mark>,
    )
    at = r.end
  })
  if (at < text.length) out.push(transform(text.slice(at)))
  return <>{out}</>
}
