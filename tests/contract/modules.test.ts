/**
 * The core's modules form no import cycle (type imports included: a cycle of types is still a
 * knot to untie before a module can move), and the search room's files stay small.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

/** Relative imports of a file, resolved to files. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[1]!)
    const target = [`${base}.ts`, join(base, 'index.ts')].find((f) => known.has(f))
    if (target) out.push(target)
  }
  return out
}

function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files)
  return new Map(files.map((f) => [f, importsOf(f, known)]))
}

/** Every cycle's files, found by a depth-first walk. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (f: string) => {
    state.set(f, 'open')
    path.push(f)
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') found.push(path.slice(path.indexOf(g)).concat(g))
      else if (!state.has(g)) visit(g)
    }
    path.pop()
    state.set(f, 'done')
  }
  for (const f of graph.keys()) if (!state.has(f)) visit(f)
  return found.map((c) => c.map((f) => relative(ROOT, f)))
}

describe('module structure', () => {
  it('has no import cycle in the search room', () => {
    expect(cycles(importGraph(sources(join(ROOT, 'electron/core/search'))))).toEqual([])
  })

  it('keeps every file of the search room under about 400 lines', () => {
    const long = sources(join(ROOT, 'electron/core/search'))
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 420)
    expect(long).toEqual([])
  })

  it('finds a cycle when there is one (the check itself works)', () => {
    // the knot this room had: the storage adapter imported the index, which imported it
    const knot = new Map([
      [join(ROOT, 'index.ts'), [join(ROOT, 'store.ts'), join(ROOT, 'query.ts')]],
      [join(ROOT, 'store.ts'), [join(ROOT, 'index.ts')]],
      [join(ROOT, 'query.ts'), []],
    ])
    expect(cycles(knot)).toEqual([['index.ts', 'store.ts', 'index.ts']])
    // and the real graph is read: the index imports the adapter
    const dir = join(ROOT, 'electron/core/search')
    expect(importGraph(sources(dir)).get(join(dir, 'index.ts'))).toContain(join(dir, 'store.ts'))
  })
})
