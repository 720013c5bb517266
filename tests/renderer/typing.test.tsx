/**
 * The search field while typing, the date filter in a German UI, dates known only in part,
 * and views that follow changes other processes made.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MethodName } from '../../shared/contract'
import type { SearchHit, SearchResults } from '../../shared/types'
import { createClient, type Transport } from '../../renderer/src/api/client'
import { App } from '../../renderer/src/app/App'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import { detail, fakeClient, plain, renderWith, summaries, listFakes } from './fakeClient'

const hit = (id: number, title: string): SearchHit => ({
  id,
  title,
  kicker: null,
  outlet: null,
  published: null,
  snippet: `Aus dem Text: ${title.toLowerCase()}`,
  highlights: [],
  snippetFrom: 'text',
  matchedIn: ['title'],
  score: 1,
})

/**
 * The app over a real client and a transport that answers `search.query` when the test says
 * so: each call is kept with its input and whether its caller gave up on it.
 */
function appWithSlowSearch() {
  const searches: {
    input: Record<string, unknown>
    signal?: AbortSignal
    answer: (r: SearchResults) => void
  }[] = []
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const transport: Transport = {
    invoke: async (method: MethodName, input: unknown, signal?: AbortSignal) => {
      if (method === 'search.query')
        return new Promise((resolve) =>
          searches.push({
            input: input as Record<string, unknown>,
            signal,
            answer: (value) => resolve({ ok: true, value }),
          }),
        )
      const list = listFakes(() => summaries) as Record<string, (input: never) => unknown>
      const answer = list[method]
      // a method this test does not fake fails, as with fakeClient
      return answer
        ? { ok: true, value: answer(input as never) }
        : { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } }
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners) l(event, payload)
  }
  renderWith(<App />, createClient(transport))
  return { searches, emit }
}

const type = (text: string) =>
  fireEvent.change(screen.getByTestId('search-input'), { target: { value: text } })

describe('typing in the search field', () => {
  it('sends the last word as being typed until a space follows it', async () => {
    const { searches } = appWithSlowSearch()
    await screen.findAllByTestId('article-row')
    type('Flüchtlinge Öst')
    await waitFor(() => expect(searches).toHaveLength(1))
    expect(searches[0]!.input).toMatchObject({ query: 'Flüchtlinge Öst', asYouType: true })
    type('Flüchtlinge Österreich ')
    await waitFor(() => expect(searches).toHaveLength(2))
    expect(searches[1]!.input).toMatchObject({ query: 'Flüchtlinge Österreich', asYouType: false })
  })

  it('gives up the search of an older keystroke and never shows its late answer', async () => {
    const { searches } = appWithSlowSearch()
    await screen.findAllByTestId('article-row')
    type('Öst')
    await waitFor(() => expect(searches).toHaveLength(1))
    type('Österreich')
    await waitFor(() => expect(searches).toHaveLength(2))
    // the older one was aborted (browser mode then drops it unanswered)
    expect(searches[0]!.signal?.aborted).toBe(true)
    expect(searches[1]!.signal?.aborted).toBe(false)
    act(() => searches[1]!.answer({ hits: [hit(1, 'Neu in Österreich')], total: 1 }))
    await screen.findByText('Neu in Österreich')
    // the old answer arrives late: nothing changes
    act(() => searches[0]!.answer({ hits: [hit(2, 'Ostern an der Küste')], total: 1 }))
    await new Promise((r) => setTimeout(r, 20))
    expect(screen.queryByText('Ostern an der Küste')).toBeNull()
    expect(screen.getAllByTestId('search-hit')).toHaveLength(1)
  })

  it('searches again when another process changed the library', async () => {
    const { searches, emit } = appWithSlowSearch()
    await screen.findAllByTestId('article-row')
    type('Hafen')
    await waitFor(() => expect(searches).toHaveLength(1))
    act(() => searches[0]!.answer({ hits: [hit(1, 'Alter Hafen')], total: 1 }))
    await screen.findByText('Alter Hafen')
    act(() => emit('library.changed', { reason: 'external' }))
    await waitFor(() => expect(searches).toHaveLength(2))
    expect(searches[1]!.input).toMatchObject({ query: 'Hafen' })
    act(() =>
      searches[1]!.answer({ hits: [hit(1, 'Alter Hafen'), hit(4, 'Neuer Hafen')], total: 2 }),
    )
    await screen.findByText('Neuer Hafen')
  })
})

function searchApp(results: (input: Record<string, unknown>) => SearchResults) {
  const client = fakeClient({
    ...listFakes(() => summaries),
    'search.query': (input) => results(input as Record<string, unknown>),
  })
  return { client, ...renderWith(<App />, client) }
}

describe('the date filter', () => {
  it('takes a date as Germans write it, in a text field, and applies it', async () => {
    const { client } = searchApp(() => ({ hits: [hit(1, 'Wahl in Wien')], total: 1 }))
    type('Wahl')
    await screen.findAllByTestId('search-hit')
    fireEvent.click(screen.getByRole('button', { name: '+ Ab' }))
    const field = screen.getByRole('textbox', { name: 'Ab' })
    expect(field.getAttribute('type')).toBe('text')
    expect(field.getAttribute('placeholder')).toBe('TT.MM.JJJJ, MM.JJJJ oder JJJJ')
    fireEvent.change(field, { target: { value: '20.04.2019' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    await waitFor(() =>
      expect(client.calls.at(-1)).toMatchObject({
        method: 'search.query',
        input: { from: '2019-04-20' },
      }),
    )
    expect(screen.getByText('Ab: 20.04.2019')).toBeTruthy()
    // a month is a date too
    fireEvent.click(screen.getByRole('button', { name: '+ Bis' }))
    const to = screen.getByRole('textbox', { name: 'Bis' })
    fireEvent.change(to, { target: { value: 'Mai 2019' } })
    fireEvent.keyDown(to, { key: 'Enter' })
    await waitFor(() =>
      expect(client.calls.at(-1)).toMatchObject({ input: { from: '2019-04-20', to: '2019-05' } }),
    )
  })

  it('says why a date cannot be, and keeps what was typed', async () => {
    const { client } = searchApp(() => ({ hits: [hit(1, 'Wahl in Wien')], total: 1 }))
    type('Wahl')
    await screen.findAllByTestId('search-hit')
    const before = client.calls.length
    fireEvent.click(screen.getByRole('button', { name: '+ Ab' }))
    const field = screen.getByRole('textbox', { name: 'Ab' })
    fireEvent.change(field, { target: { value: '30.02.2019' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(screen.getByRole('alert').textContent).toBe('Kein Datum: Der Februar 2019 hat 28 Tage.')
    expect((field as HTMLInputElement).value).toBe('30.02.2019')
    fireEvent.change(field, { target: { value: 'gestern' } })
    fireEvent.blur(field)
    expect(screen.getByRole('alert').textContent).toMatch(/^Kein Datum\. Schreiben Sie es wie/)
    expect(client.calls.length).toBe(before)
  })

  it('says how many articles with a vague date it left out, and includes them on request', async () => {
    const { client } = searchApp((input) =>
      input.uncertainDates
        ? { hits: [hit(1, 'Wahl in Wien'), hit(2, 'Wahl im April')], total: 2, uncertainDates: 0 }
        : { hits: [hit(1, 'Wahl in Wien')], total: 1, uncertainDates: 3 },
    )
    window.location.hash = '#/search?q=Wahl&from=2019-04-20'
    await screen.findAllByTestId('search-hit')
    const note = await screen.findByTestId('uncertain-dates')
    expect(note.textContent).toContain(
      '3 passende Artikel sind nur mit Monat oder Jahr oder gar nicht datiert und werden nicht gezeigt',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Einbeziehen' }))
    await screen.findByText('Wahl im April')
    expect(client.calls.at(-1)).toMatchObject({ input: { uncertainDates: true } })
    expect(screen.queryByTestId('uncertain-dates')).toBeNull()
    expect(screen.getByText('mit ungenau oder nicht datierten')).toBeTruthy()
    window.location.hash = ''
  })
})

describe('the reader', () => {
  it('reads the article again when another process changed the library', async () => {
    let text = detail.paragraphs[0]!
    const client = fakeClient({
      'article.get': () => ({ ...detail, paragraphs: [text, ...detail.paragraphs.slice(1)] }),
      'lexicon.terms': () => ({ title: [], paragraphs: [] }),
    })
    renderWith(<ReaderView id={2} onBack={() => {}} />, client)
    await screen.findByTestId('article')
    text = 'Ein neuer erster Absatz, von einem anderen Programm geschrieben.'
    act(() => client.emit('library.changed', { reason: 'external' }))
    await waitFor(() => expect(plain(screen.getByTestId('article'))).toContain('anderen Programm'))
  })
})
