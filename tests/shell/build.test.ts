/**
 * What the build ships: a CommonJS preload that loads nothing but Electron, and main-process
 * bundles that import only Node's built-ins, Electron, their own chunks and the packages the
 * app ships (package.json dependencies, never a devDependency).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/fixtures'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  )
}

/** Every module a bundle loads: static imports, dynamic imports, re-exports and requires. */
function specifiers(code: string): string[] {
  const found = new Set<string>()
  for (const re of [
    /^\s*import\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /^\s*export\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ])
    for (const m of code.matchAll(re)) found.add(m[1]!)
  return [...found]
}

const packageOf = (s: string) =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/')

describe('the build', () => {
  it('bundles the sandboxed preload as CommonJS that requires only electron', () => {
    const preload = join(ROOT, 'out/preload/index.cjs')
    expect(existsSync(preload)).toBe(true)
    const code = readFileSync(preload, 'utf8')
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/\bimport\(/)
    expect(specifiers(code)).toEqual(['electron'])
  })

  it('main-process bundles import only Node, Electron, their chunks and shipped packages', () => {
    const dir = join(ROOT, 'out/main')
    const bundles = files(dir)
    expect(bundles.map((f) => f.slice(dir.length + 1))).toEqual(
      expect.arrayContaining([
        'index.js',
        'cli.js',
        'web.js',
        'job-worker.js',
        'extract-worker.js',
      ]),
    )
    const builtins = new Set(builtinModules)
    const shipped = new Set(Object.keys(pkg.dependencies))
    for (const file of bundles) {
      for (const s of specifiers(readFileSync(file, 'utf8'))) {
        if (s.startsWith('.')) {
          expect(existsSync(join(dirname(file), s)), `${file}: ${s}`).toBe(true)
          continue
        }
        const ok =
          s.startsWith('node:') || builtins.has(s) || s === 'electron' || shipped.has(packageOf(s))
        expect(ok, `${file.slice(ROOT.length + 1)} imports ${s}`).toBe(true)
      }
    }
  })

  it('keeps electron out of everything but the shell', () => {
    const dir = join(ROOT, 'out/main')
    for (const file of files(dir).filter((f) => !f.endsWith('/index.js'))) {
      expect(specifiers(readFileSync(file, 'utf8')), file).not.toContain('electron')
    }
  })
})
