/** One contract, served the same way by every door: every method has a schema and a handler. */
import { describe, expect, it } from 'vitest'
import { eventNames, methodNames, schemas } from '../../shared/contract'
import { errorCodes, isResult } from '../../shared/result'
import { dispatch } from '../../electron/core/dispatch'
import { call, testCore } from '../helpers/core'

describe('the contract', () => {
  it('has a handler for every method and a method for every handler', () => {
    const core = testCore()
    expect(Object.keys(core.handlers).sort()).toEqual([...methodNames].sort())
    expect(Object.keys(schemas).sort()).toEqual([...methodNames].sort())
  })

  it('names every event the core emits', () => {
    expect(eventNames).toEqual([
      'import.progress',
      'library.changed',
      'search.progress',
      'dict.progress',
      'app.command',
      'notes.changed',
    ])
  })

  it.each(methodNames)('turns garbage input for %s into an invalid_input value', async (method) => {
    const core = testCore()
    for (const input of [
      42,
      'text',
      [],
      { unexpected: true },
      { id: 'sieben', paths: 'x', files: 3, text: 5, url: 7 },
    ]) {
      const r = await core.invoke(method, input)
      expect(isResult(r)).toBe(true)
      if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`)
      expect(r.error.code).toBe('invalid_input')
      expect(r.error.message).toContain(method)
      expect(r.error.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/)
    }
  })

  it('refuses an unknown method as a value', async () => {
    const core = testCore()
    expect(await core.invoke('library.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no method called "library.drop".' },
    })
    expect((await core.invoke({ toString: () => 'x' }, {})).ok).toBe(false)
  })

  it('rejects ids that are not positive whole numbers', async () => {
    const core = testCore()
    for (const id of [0, -3, 1.5, '12', null]) {
      expect(await core.invoke('article.get', { id })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
  })

  it('turns an unexpected failure into an internal error value without a stack', async () => {
    const core = testCore()
    const handlers = {
      ...core.handlers,
      'library.outlets': () => {
        throw new TypeError('database is on fire')
      },
    }
    const quiet = console.error
    console.error = () => {}
    try {
      const r = await dispatch(handlers, 'library.outlets', {})
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong in library.outlets: database is on fire',
        },
      })
    } finally {
      console.error = quiet
    }
  })

  it('uses only known error codes', async () => {
    const core = testCore()
    const results = await Promise.all([
      core.invoke('article.get', { id: 99 }),
      core.invoke('nope', {}),
      core.invoke('app.openExternal', { url: 'file:///etc/passwd' }),
    ])
    for (const r of results) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(errorCodes).toContain(r.error.code)
    }
    // an import answers per item: the item carries the error
    const pasted = await call(core, 'import.text', { text: '   ' })
    expect(errorCodes).toContain(pasted.error!.code)
  })

  it('answers with plain JSON data', async () => {
    const core = testCore()
    await core.ensureSampleLibrary()
    const list = await call(core, 'library.list', {})
    const article = await call(core, 'article.get', { id: list[0]!.id })
    expect(JSON.parse(JSON.stringify(article))).toEqual(article)
    expect(JSON.parse(JSON.stringify(list))).toEqual(list)
  })

  it('opens only http(s) links, and only where the host can', async () => {
    const opened: string[] = []
    const core = testCore({ openExternal: async (url) => void opened.push(url) })
    expect(await core.invoke('app.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(await core.invoke('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
    })
    expect(await core.invoke('app.openExternal', { url: 'https://example.org/artikel' })).toEqual({
      ok: true,
      value: { opened: true },
    })
    expect(opened).toEqual(['https://example.org/artikel'])
    const browser = testCore()
    expect(await browser.invoke('app.openExternal', { url: 'https://example.org/' })).toMatchObject(
      { ok: false, error: { code: 'unsupported' } },
    )
  })
})
