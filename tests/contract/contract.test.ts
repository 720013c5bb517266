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
      'reextract.progress',
      'library.changed',
      'search.progress',
      'dict.progress',
      'app.command',
      'study.changed',
      'study.progress',
      'story.changed',
      'translation.changed',
      'backup.health',
      'job.progress',
      'job.finished',
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
      // one sentence about what was given, not the door's internal method name
      expect(r.error.message).not.toContain(method)
      expect(r.error.message).toMatch(/^[A-Z"].*[.]$/)
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

  it('speaks of what the user typed: the field, the value, what is wrong with it', async () => {
    const core = testCore()
    const message = async (method: string, input: unknown) => {
      const r = await core.invoke(method, input)
      if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`)
      return r.error.message
    }
    expect(await message('search.query', { query: 'Wahl', from: '2019-02-30' })).toBe(
      'The start date "2019-02-30" is not a date: February 2019 has 28 days.',
    )
    expect(await message('search.query', { query: 'Wahl', to: '2024-02-30' })).toBe(
      'The end date "2024-02-30" is not a date: February 2024 has 29 days.',
    )
    expect(await message('search.query', { query: 'Wahl', from: '2019-13' })).toBe(
      'The start date "2019-13" is not a date: there is no month 13.',
    )
    expect(await message('search.query', { query: '   ' })).toBe('Type something to search for.')
    expect(await message('search.query', { query: 'Wahl', limit: 0 })).toBe(
      'The number of results 0 is too small (at least 1).',
    )
    expect(await message('article.get', { id: 'sieben' })).toBe(
      'The article number "sieben" is not a number.',
    )
    expect(await message('library.list', { sort: 'Farbe' })).toMatch(
      /^The sort order "Farbe" is not one of "published", "title"/,
    )
    // a real date of every shape passes
    for (const from of ['2024-02-29', '2019-04', '2019'])
      expect((await core.invoke('search.query', { query: 'Wahl', from })).ok).toBe(true)
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
    const logged: unknown[] = []
    console.error = (...args: unknown[]) => logged.push(...args)
    try {
      const r = await dispatch(handlers, 'library.outlets', {})
      // the user gets one sentence; the details go to the log only
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message:
            'Lesesaal could not finish this because of an unexpected problem; the details are in the log.',
        },
      })
      expect(
        logged.some((x) => x instanceof TypeError && x.message === 'database is on fire'),
      ).toBe(true)
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

  it('says what a pattern wants, never "regex"', async () => {
    const r = await testCore().invoke('note.save', {
      guid: 'kurz',
      target: { kind: 'article', id: 1 },
      body: 'Notiz',
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (r.ok) return
    expect(r.error.message).toContain('an id of 8 to 100 letters')
    expect(r.error.message).not.toContain('regex')
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
