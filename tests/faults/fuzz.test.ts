/**
 * Property-based fuzzing of every API method (fast-check): whatever arrives — garbage,
 * near-misses of the schema, valid-looking values — every call answers with a Result value,
 * never a throw, and an error is one sentence with a known code, never a stack. Through the
 * core, over HTTP and on the command line.
 */
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { methodNames, schemas, type MethodName } from '../../shared/contract'
import { errorCodes, isResult } from '../../shared/result'
import { startWebServer } from '../../electron/web/server'
import { tempDir, testCore } from '../helpers/core'
import { BIN, FULL } from './helpers'

const RUNS = FULL ? 400 : 30

/** Anything JavaScript can hold, including what JSON cannot. */
const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withSparseArray: true,
  maxDepth: 3,
})

/** Values of the kinds the schemas take, at and beyond their edges. */
const plausible = fc.oneof(
  fc.integer({ min: -3, max: 2_000_000 }),
  fc.constantFrom(0, 1, 2, -1, 1e308, Number.NaN, Infinity, 2 ** 53),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'Gipfel',
    'asc',
    'desc',
    'title',
    '2025-03-14',
    '../x',
    '\u0000',
    'ä'.repeat(600),
  ),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
  fc.base64String({ maxLength: 64 }),
  anything,
)

/** Objects with the method's own keys (some left out, some extra) and plausible values. */
function nearMisses(method: MethodName) {
  const shape = (schemas[method] as unknown as { shape?: Record<string, unknown> }).shape ?? {}
  const keys = Object.keys(shape)
  return fc.oneof(
    fc.record(Object.fromEntries(keys.map((k) => [k, plausible])), { requiredKeys: [] }),
    fc
      .tuple(
        fc.record(Object.fromEntries(keys.map((k) => [k, plausible]))),
        fc.dictionary(fc.string({ maxLength: 8 }), plausible, { maxKeys: 2 }),
      )
      .map(([a, b]) => ({ ...b, ...a })),
  )
}

function expectOneSentence(result: unknown, context: string) {
  expect(isResult(result), context).toBe(true)
  const r = result as { ok: boolean; error?: { code: string; message: string } }
  if (!r.ok) {
    expect(errorCodes as readonly string[], context).toContain(r.error!.code)
    expect(r.error!.message, context).toMatch(/^\S[^\n]*$/)
    expect(r.error!.message, context).not.toMatch(/\bat \S+ \(|node:internal|\.ts:\d+/)
  }
}

describe('fuzzing every API method', () => {
  it.each(methodNames)('%s answers every input with a Result', async (method) => {
    // paths cannot be named from here and no system dictionary is offered: nothing on this
    // computer is read or written
    const core = testCore({ canImportPaths: false, systemDictionaries: [] })
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, nearMisses(method)), async (input) => {
        let result: unknown
        try {
          result = await core.invoke(method, input)
        } catch (err) {
          throw new Error(`${method} threw: ${(err as Error).message}`, { cause: err })
        }
        expectOneSentence(result, `${method} ${fc.stringify(input)}`)
      }),
      { numRuns: RUNS, seed: 20261130 },
    )
  })

  it('answers any method name with a Result', async () => {
    const core = testCore({ canImportPaths: false, systemDictionaries: [] })
    await fc.assert(
      fc.asyncProperty(anything, anything, async (method, input) => {
        expectOneSentence(await core.invoke(method, input), fc.stringify(method))
      }),
      { numRuns: RUNS * 3, seed: 7 },
    )
  })
})

describe('fuzzing the HTTP door', () => {
  it('answers any body for any method with a status and a Result, never a 500', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lesesaal</title>')
    const server = await startWebServer({
      core: testCore({ canImportPaths: false, systemDictionaries: [] }),
      token: 'fuzz-token-0123456789',
      rendererDir: dir,
    })
    try {
      const send = (path: string, body: Uint8Array) =>
        new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path,
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                'X-Lesesaal-Token': 'fuzz-token-0123456789',
              },
            },
            (res) => {
              let text = ''
              res.setEncoding('utf8')
              res.on('data', (c: string) => (text += c))
              res.on('end', () => resolve({ status: res.statusCode!, text }))
            },
          )
          req.on('error', reject)
          req.end(body)
        })
      const path = fc.oneof(
        fc.constantFrom(...methodNames).map((m) => `/api/${m}`),
        fc.webPath().map((p) => `/api${p.startsWith('/') ? p : `/${p}`}`),
        fc.string({ maxLength: 20 }).map((s) => `/api/${encodeURIComponent(s)}`),
      )
      const body = fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.json().map((j) => new TextEncoder().encode(j)),
        anything.map((a) => new TextEncoder().encode(fc.stringify(a))),
      )
      await fc.assert(
        fc.asyncProperty(path, body, async (p, b) => {
          const r = await send(p, b)
          expect([200, 400, 404, 405, 413], `${p} → ${r.status}`).toContain(r.status)
          expectOneSentence(JSON.parse(r.text), p)
        }),
        { numRuns: RUNS * 4, seed: 11 },
      )
    } finally {
      await server.close()
    }
  })
})

describe('fuzzing the command line', () => {
  it('answers odd arguments with exit 0 or 1 and one line per error', () => {
    const library = join(tempDir(), 'lib.sqlite')
    mkdirSync(join(library, '..'), { recursive: true })
    // commands that read or write named paths are left out: the fuzzer must not import "/"
    const command = fc.constantFrom(
      'list',
      'show',
      'search',
      'index',
      'gloss',
      'backups',
      'zeige',
      '',
    )
    const arg = fc.oneof(
      fc.string({ maxLength: 12 }).filter((s) => !s.includes('\u0000')),
      fc.constantFrom(
        '--limit',
        '-1',
        '0',
        '999999999999999999999',
        '--sort',
        '--json',
        '--asc',
        '--outlet',
        'ä',
        '--from',
        'gestern',
      ),
    )
    fc.assert(
      fc.property(command, fc.array(arg, { maxLength: 4 }), (cmd, args) => {
        const argv = ['--library', library, ...(cmd ? [cmd] : []), ...args]
        const r = spawnSync(process.execPath, [BIN, ...argv], {
          encoding: 'utf8',
          env: { ...process.env, LESESAAL_LIBRARY: '' },
        })
        const context = JSON.stringify(argv.slice(2))
        expect([0, 1], context).toContain(r.status)
        for (const line of r.stderr.split('\n').filter(Boolean)) {
          expect(line, context).toMatch(/^lesesaal: /)
          expect(line, context).not.toMatch(/\bat \S+ \(|Error:/)
        }
      }),
      { numRuns: FULL ? 150 : 12, seed: 3 },
    )
  })
})
