import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ImportProvider } from '../../renderer/src/features/import/ImportContext'
import { LibraryView } from '../../renderer/src/features/library/LibraryView'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import type { ReextractReport } from '../../shared/types'
import { detail, fakeClient, listFakes, renderWith, summaries } from './fakeClient'

const report = (changed: number): ReextractReport => ({
  items: [],
  changed,
  unchanged: 0,
  failed: 0,
  cancelled: false,
})

function reader(lang: 'de' | 'en' = 'de') {
  let paragraphs = [...detail.paragraphs]
  const client = fakeClient({
    'article.get': ({ id }) => ({ ...detail, id, paragraphs }),
    'lexicon.terms': () => ({ title: [], paragraphs: [] }),
    'furniture.mark': ({ text, scope }) => {
      paragraphs = paragraphs.filter((p) => p !== text)
      return {
        rule: {
          id: 7,
          outlet: scope === 'outlet' ? detail.outlet : null,
          text,
          source: 'user' as const,
          active: true,
          createdAt: '2025-03-15T10:00:00Z',
          articles: 3,
        },
        report: report(3),
      }
    },
    'furniture.remove': () => {
      paragraphs = [...detail.paragraphs]
      return { removed: true, report: report(3) }
    },
    'library.reextract': ({ ids }) => ({
      ...report(1),
      items: [
        {
          id: ids![0]!,
          title: detail.title,
          status: 'changed' as const,
          duplicateOf: null,
          error: null,
          fields: [],
          paragraphsBefore: 3,
          paragraphsAfter: 2,
          added: 0,
          removed: 1,
          wordsBefore: 40,
          wordsAfter: 30,
        },
      ],
    }),
  })
  return { client, ...renderWith(<ReaderView id={2} onBack={() => {}} />, client, lang) }
}

describe('marking page furniture in the reader', () => {
  it('removes a line for the outlet, reloads the article and offers to undo', async () => {
    const { client } = reader()
    await screen.findByTestId('article')
    fireEvent.click(screen.getByRole('button', { name: 'Aufräumen …' }))
    const dialog = screen.getByRole('dialog', { name: 'Gehört nicht zum Artikel' })
    const last = detail.paragraphs[detail.paragraphs.length - 1]!
    const row = within(dialog)
      .getAllByRole('listitem')
      .find((li) => li.textContent!.startsWith(last.slice(0, 40)))!
    fireEvent.click(within(row).getByRole('button', { name: `entfernen bei ${detail.outlet}` }))
    await within(dialog).findByText(/Aus 3 Artikeln entfernt/)
    expect(client.calls).toContainEqual({
      method: 'furniture.mark',
      input: { id: 2, text: last, scope: 'outlet' },
    })
    // the reader loaded the article again, without the line
    await waitFor(() =>
      expect(screen.getByTestId('article').textContent).not.toContain(last.slice(0, 40)),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rückgängig' }))
    await within(dialog).findByText(/Zurückgenommen/)
    expect(client.calls).toContainEqual({ method: 'furniture.remove', input: { id: 7 } })
  })

  it('extracts the article again and says what changed, in English too', async () => {
    reader('en')
    await screen.findByTestId('article')
    fireEvent.click(screen.getByRole('button', { name: 'Clean up …' }))
    const dialog = screen.getByRole('dialog', { name: 'Not part of the article' })
    expect(
      within(dialog).getAllByRole('button', { name: 'remove everywhere' }).length,
    ).toBeGreaterThan(1)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extract again' }))
    await within(dialog).findByText('Extracted again: 0 paragraphs new, 1 removed.')
  })
})

describe('articles an older extractor made', () => {
  function libraryWith(outdated: { count: number }) {
    const client = fakeClient({
      ...listFakes(() => summaries),
      'library.outdated': () => outdated,
      'library.reextract': () => {
        outdated.count = 0
        return { ...report(2), unchanged: 1 }
      },
    })
    renderWith(
      <ImportProvider>
        <LibraryView onOpen={() => {}} />
      </ImportProvider>,
      client,
    )
    return client
  }

  it('are named in the library and extracted again with one click', async () => {
    const client = libraryWith({ count: 3 })
    const notice = await screen.findByTestId('outdated-notice')
    expect(notice.textContent).toContain(
      '3 Artikel wurden mit einer älteren Textbereinigung importiert.',
    )
    fireEvent.click(within(notice).getByRole('button', { name: 'Neu extrahieren' }))
    await waitFor(() =>
      expect(screen.getByTestId('outdated-notice').textContent).toBe(
        'Neu extrahiert: 2 geändert, 1 unverändert, 0 nicht möglich.',
      ),
    )
    expect(client.calls.find((c) => c.method === 'library.reextract')?.input).toEqual({
      outdated: true,
    })
    expect(screen.queryByTestId('reextract-outdated')).toBeNull()
  })

  it('keeps the run and its report while the library is closed and opened again', async () => {
    const outdated = { count: 3 }
    let finish: () => void = () => {}
    const client = fakeClient({
      ...listFakes(() => summaries),
      'library.outdated': () => outdated,
      'library.reextract': () =>
        new Promise((resolve) => {
          finish = () => {
            outdated.count = 0
            resolve({ ...report(2), unchanged: 1 })
          }
        }),
    })
    const library = () => (
      <ImportProvider>
        <LibraryView onOpen={() => {}} />
      </ImportProvider>
    )
    const first = renderWith(library(), client)
    fireEvent.click(await screen.findByRole('button', { name: 'Neu extrahieren' }))
    await screen.findByTestId('job-progress')
    // the user opens an article meanwhile, and comes back while the job runs
    first.unmount()
    renderWith(library(), client)
    await screen.findByTestId('job-progress')
    expect(screen.queryByRole('button', { name: 'Neu extrahieren' })).toBeNull()
    act(() => finish())
    await waitFor(() =>
      expect(screen.getByTestId('outdated-notice').textContent).toBe(
        'Neu extrahiert: 2 geändert, 1 unverändert, 0 nicht möglich.',
      ),
    )
    expect(client.calls.filter((c) => c.method === 'library.reextract')).toHaveLength(1)
  })

  it('say nothing when every article is current', async () => {
    libraryWith({ count: 0 })
    await screen.findAllByTestId('article-row')
    expect(screen.queryByTestId('outdated-notice')).toBeNull()
  })
})
