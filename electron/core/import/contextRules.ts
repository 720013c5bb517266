/**
 * jusText's context rules, shared by HTML blocks (`html/justext.ts`) and plain-text lines
 * (`lineclass.ts`): a short block takes its neighbours' class, a near-good one is bad only
 * between bad ones.
 */
export type ContextClass = 'good' | 'neargood' | 'short' | 'bad'

/** The class of the nearest decided neighbour in one direction ('bad' at the edges). */
export function neighbour(
  classes: readonly ContextClass[],
  i: number,
  step: 1 | -1,
  ignoreNeargood: boolean,
): ContextClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j]!
    if (c === 'good' || c === 'bad') return c
    if (c === 'neargood' && !ignoreNeargood) return c
  }
  return 'bad'
}

/** Revises short and near-good classes in place by their neighbours; `fixed` ones keep theirs. */
export function reviseByContext(
  cls: ContextClass[],
  fixed: (i: number) => boolean = () => false,
): void {
  const revised = new Map<number, ContextClass>()
  for (let i = 0; i < cls.length; i++) {
    if (cls[i] !== 'short' || fixed(i)) continue
    const prev = neighbour(cls, i, -1, true)
    const next = neighbour(cls, i, 1, true)
    if (prev === 'good' && next === 'good') revised.set(i, 'good')
    else if (prev === 'bad' && next === 'bad') revised.set(i, 'bad')
    else if (
      (prev === 'bad' && neighbour(cls, i, -1, false) === 'neargood') ||
      (next === 'bad' && neighbour(cls, i, 1, false) === 'neargood')
    )
      revised.set(i, 'good')
    else revised.set(i, 'bad')
  }
  for (const [i, c] of revised) cls[i] = c
  for (let i = 0; i < cls.length; i++) {
    if (cls[i] !== 'neargood' || fixed(i)) continue
    const prev = neighbour(cls, i, -1, true)
    const next = neighbour(cls, i, 1, true)
    cls[i] = prev === 'bad' && next === 'bad' ? 'bad' : 'good'
  }
}
