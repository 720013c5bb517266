import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../shared/types'
import { App } from '../../renderer/src/app/App'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import { detail, fakeClient, listFakes, plain, renderWith, summaries } from './fakeClient'

/** The range of `word` in `text`. */
const at = (text: string, word: string) => ({
  start: text.indexOf(word),
  end: text.indexOf(word) + word.length,
})
const [p0, p1, p2] = detail.paragraphs as [string, string, string]

const hits: SearchHit[] = [
  {
    id: 2,
    title: 'Ein Versprechen ohne Preisschild',
    kicker: null,
    outlet: 'Mitteldeutsche Rundschau',
    published: '2025-03-15',
    snippet: '… Bei den Sanktionen ging es schnell …',
    highlights: [at('… Bei den Sanktionen ging es schnell …', 'Sanktionen')],
    snippetFrom: 'text',
    matchedIn: ['text'],
    score: 2.1,
  },
  {
    id: 3,
    title: 'Leserbriefe zum Ostsee-Gipfel',
    kicker: null,
    outlet: null,
    published: null,
    snippet: 'Die Sanktionen kommen zu spät.',
    highlights: [at('Die Sanktionen kommen zu spät.', 'Sanktionen')],
    snippetFrom: 'comments',
    matchedIn: ['comments'],
    score: 0.4,
  },
]

function app() {
  const client = fakeClient({
    ...listFakes(() => summaries),
    'library.outlets': () => [{ name: 'Mitteldeutsche Rundschau', count: 1 }],
    'search.query': ({ query, outlet }) => ({
      hits: outlet ? hits.slice(0, 1) : query.includes('Sank') ? hits : [],
      total: outlet ? 1 : query.includes('Sank') ? 2 : 0,
    }),
    'article.get': () => detail,
    'search.matches': () => ({
      title: [],
      paragraphs: [[], [], [at(p2, 'Sanktionen')]],
      comments: [[], []],
      count: 1,
    }),
  })
  return { client, ...renderWith(<App />, client) }
}

describe('the search field', () => {
  it('is reachable with Ctrl+K and searches as you type, once typing pauses', async () => {
    const { client } = app()
    await screen.findAllByTestId('article-row')
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true })
    const input = screen.getByTestId('search-input')
    expect(document.activeElement).toBe(input)
    for (const text of ['S', 'Sa', 'San', 'Sank'])
      fireEvent.change(input, { target: { value: text } })
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2)
    const queries = client.calls
      .filter((c) => c.method === 'search.query')
      .map((c) => (c.input as { query: string }).query)
    expect(queries).toEqual(['Sank']) // debounced: one call for four keystrokes
  })

  it('shows title, outlet, date and the snippet with the matches marked, comments labelled', async () => {
    app()
    fireEvent.change(await screen.findByTestId('search-input'), { target: { value: 'Sanktion' } })
    const [first, second] = await screen.findAllByTestId('search-hit')
    expect(within(first!).getByText('Ein Versprechen ohne Preisschild')).toBeTruthy()
    expect(plain(first!.querySelector('.hit-meta'))).toContain('15. März 2025')
    expect(first!.querySelector('mark')!.textContent).toBe('Sanktionen')
    expect(within(second!).getByText('in Leserkommentaren')).toBeTruthy()
    expect(screen.getByRole('heading', { name: /Suche\s*2 Treffer/ })).toBeTruthy()
  })

  it('says while the index is rebuilt after an update that a hit may be missing', async () => {
    const { client } = app()
    fireEvent.change(await screen.findByTestId('search-input'), { target: { value: 'Sanktion' } })
    await screen.findAllByTestId('search-hit')
    expect(screen.queryByTestId('index-rebuild')).toBeNull()
    act(() =>
      client.emit('job.progress', {
        id: 4,
        kind: 'search.reanalyse',
        state: 'running',
        done: 1200,
        total: 2400,
        label: null,
      }),
    )
    expect(plain(await screen.findByTestId('index-rebuild'))).toContain(
      'Der Suchindex wird neu aufgebaut (1.200 von 2.400 Artikeln)',
    )
    // the hits found meanwhile stay
    expect(screen.getAllByTestId('search-hit')).toHaveLength(2)
    act(() => client.emit('job.finished', { id: 4, kind: 'search.reanalyse', outcome: 'done' }))
    await waitFor(() => expect(screen.queryByTestId('index-rebuild')).toBeNull())
  })

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    app()
    const input = await screen.findByTestId('search-input')
    fireEvent.change(input, { target: { value: 'Sanktion' } })
    await screen.findAllByTestId('search-hit')
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(screen.getAllByTestId('search-hit')[1]!.className).toContain('selected')
    fireEvent.keyDown(input, { key: 'ArrowUp' })
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(await screen.findByTestId('article')).toBeTruthy()
    expect(window.location.hash).toBe('#/article/2?q=Sanktion')
  })

  it('filters by outlet with a chip that removes the filter again', async () => {
    const { client } = app()
    fireEvent.change(await screen.findByTestId('search-input'), { target: { value: 'Sanktion' } })
    await screen.findAllByTestId('search-hit')
    fireEvent.click(screen.getByRole('button', { name: '+ Medium' }))
    fireEvent.change(screen.getByRole('combobox', { name: 'Medium' }), {
      target: { value: 'Mitteldeutsche Rundschau' },
    })
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(1))
    expect(client.calls.at(-1)).toMatchObject({
      method: 'search.query',
      input: { outlet: 'Mitteldeutsche Rundschau' },
    })
    fireEvent.click(
      screen.getByRole('button', { name: 'Filter „Medium: Mitteldeutsche Rundschau“ entfernen' }),
    )
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2))
  })
})

describe('the reader opened from a search', () => {
  it('marks every match and moves between them', async () => {
    const client = fakeClient({
      'article.get': () => detail,
      'search.matches': () => ({
        title: [],
        paragraphs: [[at(p0, 'Kulissen')], [at(p1, 'Sanktionen')], [at(p2, 'Sanktionen')]],
        comments: [[], []],
        count: 3,
      }),
    })
    renderWith(<ReaderView id={2} query="Sanktion" onBack={() => {}} />, client)
    await waitFor(() =>
      expect(screen.getByTestId('article').querySelectorAll('mark')).toHaveLength(3),
    )
    const marks = () => [...screen.getByTestId('article').querySelectorAll('mark')]
    expect(marks().map((m) => plain(m))).toEqual(['Kulissen', 'Sanktionen', 'Sanktionen'])
    expect(screen.getByTestId('find-count').textContent).toBe('1 von 3')
    expect(marks()[0]!.className).toBe('current')
    fireEvent.click(screen.getByRole('button', { name: 'Nächster Treffer' }))
    expect(screen.getByTestId('find-count').textContent).toBe('2 von 3')
    expect(marks()[1]!.className).toBe('current')
    fireEvent.click(screen.getByRole('button', { name: 'Vorheriger Treffer' }))
    fireEvent.click(screen.getByRole('button', { name: 'Vorheriger Treffer' }))
    expect(screen.getByTestId('find-count').textContent).toBe('3 von 3')
  })

  it('finds in the article from a find box (Ctrl+F), German-aware through the API', async () => {
    const client = fakeClient({
      'article.get': () => detail,
      'search.matches': ({ query }) => ({
        title: [],
        paragraphs: query === 'Kulisse' ? [[at(p0, 'Kulissen')], [], []] : [[], [], []],
        comments: [[], []],
        count: query === 'Kulisse' ? 1 : 0,
      }),
    })
    renderWith(<ReaderView id={2} onBack={() => {}} />, client)
    await screen.findByTestId('article')
    act(() => {
      fireEvent.keyDown(window, { key: 'f', ctrlKey: true })
    })
    const box = await screen.findByTestId('find-input')
    fireEvent.change(box, { target: { value: 'Kulisse' } })
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('1 von 1'))
    fireEvent.change(box, { target: { value: 'Tiefsee' } })
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('Kein Treffer'))
    expect(
      client.calls
        .filter((c) => c.method === 'search.matches')
        .map((c) => (c.input as { query: string }).query),
    ).toEqual(['Kulisse', 'Tiefsee'])
  })
})
