/**
 * The user's corrections of a translation's links: join two beads, split one, move a
 * sentence to the neighbouring bead. Every bead a correction makes is fixed: it is stored and
 * kept when the texts are aligned again (only the stretches between fixed beads are aligned).
 */
import type { Bead } from '../../../shared/contract/align'
import { UserError } from '../../../shared/result'

export type Correction =
  | { op: 'join'; bead: number }
  | { op: 'split'; bead: number; source: number; translation: number }
  | { op: 'move'; bead: number; side: 'source' | 'translation'; direction: 'up' | 'down' }

function bad(message: string): never {
  throw new UserError('invalid_input', message)
}

function fixed(source: number[], translation: number[]): Bead {
  if (source.length === 0 && translation.length === 0) bad('A link needs at least one sentence.')
  return { source, translation, score: 1, fixed: true }
}

/** The beads after one correction (the input is left as it is). */
export function applyCorrection(beads: readonly Bead[], c: Correction): Bead[] {
  const out = beads.map((b) => ({ ...b }))
  const at = c.bead
  if (at >= out.length) bad(`There is no link ${at}; the translation has ${out.length}.`)
  const b = out[at]!
  if (c.op === 'join') {
    const next = out[at + 1]
    if (!next) bad('The last link has no next one to join.')
    out.splice(at, 2, fixed([...b.source, ...next.source], [...b.translation, ...next.translation]))
    return out
  }
  if (c.op === 'split') {
    const s = b.source.indexOf(c.source)
    const t = b.translation.indexOf(c.translation)
    const sAt = s < 0 ? (c.source === (b.source.at(-1) ?? -2) + 1 ? b.source.length : -1) : s
    const tAt =
      t < 0 ? (c.translation === (b.translation.at(-1) ?? -2) + 1 ? b.translation.length : -1) : t
    if (sAt < 0 || tAt < 0) bad('The split must fall inside the link.')
    const first = fixed(b.source.slice(0, sAt), b.translation.slice(0, tAt))
    const second = fixed(b.source.slice(sAt), b.translation.slice(tAt))
    out.splice(at, 1, first, second)
    return out
  }
  const side = c.side
  if (c.direction === 'down') {
    const next = out[at + 1]
    if (!next) bad('The last link has no next one to move a sentence to.')
    const moved = b[side].at(-1)
    if (moved === undefined) bad('The link has no sentence on that side to move.')
    const mine = { source: b.source, translation: b.translation }
    const theirs = { source: next.source, translation: next.translation }
    mine[side] = b[side].slice(0, -1)
    theirs[side] = [moved, ...next[side]]
    out.splice(at, 2, ...keepNonEmpty(mine, theirs))
    return out
  }
  const prev = out[at - 1]
  if (!prev) bad('The first link has no previous one to move a sentence to.')
  const moved = b[side][0]
  if (moved === undefined) bad('The link has no sentence on that side to move.')
  const theirs = { source: prev.source, translation: prev.translation }
  const mine = { source: b.source, translation: b.translation }
  theirs[side] = [...prev[side], moved]
  mine[side] = b[side].slice(1)
  out.splice(at - 1, 2, ...keepNonEmpty(theirs, mine))
  return out
}

type Sides = { source: number[]; translation: number[] }

/** Two beads after a move; one left with no sentence at all disappears. */
function keepNonEmpty(a: Sides, b: Sides): Bead[] {
  return [a, b]
    .filter((x) => x.source.length > 0 || x.translation.length > 0)
    .map((x) => fixed(x.source, x.translation))
}
