import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/src/app/App'
import { ImportProvider } from '../../renderer/src/features/import/ImportContext'
import { LibraryView } from '../../renderer/src/features/library/LibraryView'
import { fakeClient, listFakes, renderWith, summaries, storySummary } from './fakeClient'

function library(onOpen = vi.fn()) {
  const client = fakeClient(listFakes(() => summaries))
  const view = renderWith(
    <ImportProvider>
      <LibraryView onOpen={onOpen} />
    </ImportProvider>,
    client,
  )
  return { client, onOpen, ...view }
}

describe('the library view', () => {
  it('lists title, kicker, outlet, German date and word count', async () => {
    library()
    const rows = await screen.findAllByTestId('article-row')
    expect(rows).toHaveLength(3)
    const first = within(rows[0]!)
    expect(first.getByText('Gipfel in Rostock')).toBeTruthy()
    expect(first.getByText('Ostseestaaten einigen sich auf Schutz der Unterseekabel')).toBeTruthy()
    expect(first.getByText('Hanse-Kurier')).toBeTruthy()
    expect(first.getByText('14.03.2025')).toBeTruthy()
    expect(within(rows[1]!).getByText('1.234')).toBeTruthy()
    expect(within(rows[1]!).getByText('3 Kommentare')).toBeTruthy()
    expect(within(rows[2]!).getByText('ohne Datum')).toBeTruthy()
    expect(screen.getByRole('heading', { name: /Bibliothek 3 Artikel/ })).toBeTruthy()
  })

  it('opens an article from its title', async () => {
    const { onOpen } = library()
    fireEvent.click(await screen.findByText('Ein Versprechen ohne Preisschild'))
    expect(onOpen).toHaveBeenCalledWith(2)
  })

  it('sorts and reverses the order through the API, and remembers it', async () => {
    const { client } = library()
    await screen.findAllByTestId('article-row')
    fireEvent.change(screen.getByTestId('sort'), { target: { value: 'title' } })
    const idsCall = (order: string) =>
      client.calls.some(
        (c) =>
          c.method === 'library.ids' &&
          JSON.stringify(c.input) ===
            JSON.stringify({
              sort: 'title',
              order,
              outlet: null,
              tag: null,
              story: null,
              rows: 80,
            }),
      )
    await waitFor(() => expect(idsCall('desc')).toBe(true))
    fireEvent.click(screen.getByTestId('order'))
    await waitFor(() => expect(idsCall('asc')).toBe(true))
    expect(JSON.parse(localStorage.getItem('lesesaal.libraryQuery')!)).toMatchObject({
      sort: 'title',
      order: 'asc',
    })
  })

  it('filters by outlet', async () => {
    library()
    await screen.findAllByTestId('article-row')
    fireEvent.change(screen.getByTestId('outlet-filter'), {
      target: { value: 'Mitteldeutsche Rundschau' },
    })
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(1))
    expect(screen.getByText('Ein Versprechen ohne Preisschild')).toBeTruthy()
  })

  it('refreshes when the library changes', async () => {
    const { client } = library()
    await screen.findAllByTestId('article-row')
    const before = client.calls.length
    client.emit('library.changed', { reason: 'import' })
    // at most every 0.6 s (an import announces every batch of files)
    await waitFor(() => expect(client.calls.length).toBeGreaterThan(before), { timeout: 3000 })
  })
})

describe('an empty library', () => {
  it('invites an import and cleans pasted text through the API', async () => {
    let stored = false
    const client = fakeClient({
      ...listFakes(() => (stored ? [summaries[2]!] : [])),
      'import.text': ({ text }) => {
        stored = true
        expect(text).toContain('Leserbrief')
        return {
          source: 'paste',
          id: 3,
          title: 'Leserbriefe zum Ostsee-Gipfel',
          outlet: null,
          published: null,
          words: 125,
          duplicateOf: null,
          error: null,
        }
      },
    })
    renderWith(<App />, client)
    expect(
      await screen.findByRole('heading', { name: 'Ihre Bibliothek ist noch leer' }),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Dateien auswählen …' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Ordner auswählen …' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Text einfügen …' }))
    const dialog = await screen.findByRole('dialog', { name: 'Text einfügen' })
    fireEvent.change(within(dialog).getByLabelText('Artikeltext'), {
      target: { value: 'Leserbrief: Die Straßenbahn fuhr nicht.' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importieren' }))
    expect(
      await screen.findByText('1 importiert, 0 schon vorhanden, 0 fehlgeschlagen'),
    ).toBeTruthy()
    client.emit('library.changed', { reason: 'import' })
    expect(
      await screen.findByText(
        'Leserbriefe zum Ostsee-Gipfel',
        { selector: 'a' },
        { timeout: 3000 },
      ),
    ).toBeTruthy()
  })

  it('asks for text before importing an empty paste', async () => {
    const client = fakeClient(listFakes(() => []))
    renderWith(<App />, client)
    fireEvent.click(await screen.findByRole('button', { name: 'Text einfügen …' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Importieren' }),
    )
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Bitte fügen Sie zuerst einen Text ein.',
    )
    expect(client.calls.some((c) => c.method === 'import.text')).toBe(false)
  })
})

describe('the story filter', () => {
  it('shows only the articles of the story chosen, and is there only once stories exist', async () => {
    localStorage.removeItem('lesesaal.libraryQuery')
    const fakes = listFakes(() => summaries)
    const client = fakeClient({
      ...fakes,
      'library.ids': async (input) => {
        const all = await fakes['library.ids']!(input)
        return input.story === 4 ? { ...all, ids: all.ids.filter((id: number) => id !== 2) } : all
      },
      'story.list': () => [storySummary(4, 'Ostsee-Gipfel')],
    })
    renderWith(
      <ImportProvider>
        <LibraryView onOpen={vi.fn()} />
      </ImportProvider>,
      client,
    )
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3))
    fireEvent.change(await screen.findByTestId('story-filter'), { target: { value: '4' } })
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2))
    expect(screen.queryByText('Ein Versprechen ohne Preisschild')).toBeNull()
    const asked = client.calls.filter((c) => c.method === 'library.ids').at(-1)!
    expect(asked.input).toMatchObject({ story: 4 })
    localStorage.removeItem('lesesaal.libraryQuery')
  })

  it('shows what it showed at once when it opens again, then the fresh list', async () => {
    let current = summaries
    let gate: Promise<void> = Promise.resolve()
    const fakes = listFakes(() => current)
    const client = fakeClient({
      ...fakes,
      'library.ids': async (input) => {
        await gate
        return fakes['library.ids']!(input)
      },
    })
    const page = () => (
      <ImportProvider>
        <LibraryView onOpen={() => {}} />
      </ImportProvider>
    )
    const first = renderWith(page(), client)
    expect(await screen.findAllByTestId('article-row')).toHaveLength(3)
    first.unmount()
    // meanwhile an article got a new title; the core is slow to answer this time
    let open = () => {}
    gate = new Promise((resolve) => (open = resolve))
    current = summaries.map((a, i) => (i === 0 ? { ...a, title: 'Kabelschutz beschlossen' } : a))
    renderWith(page(), client)
    // at once: the list as it was, not "loading"
    expect(screen.getAllByTestId('article-row')).toHaveLength(3)
    expect(screen.queryByText('Kabelschutz beschlossen')).toBeNull()
    open()
    expect(await screen.findByText('Kabelschutz beschlossen')).toBeTruthy()
  })
})
