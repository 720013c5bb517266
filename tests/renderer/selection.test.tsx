/**
 * Multi-select in the library list: checkboxes, Shift-click ranges, Ctrl/Cmd+A, the keyboard,
 * and the selection bar's actions (the extension point other features add to).
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ImportProvider } from '../../renderer/src/features/import/ImportContext'
import { LibraryView } from '../../renderer/src/features/library/LibraryView'
import type { SelectionAction } from '../../renderer/src/features/library/selectionActions'
import type { ArticleSummary } from '../../shared/types'
import {
  fakeClient,
  listFakes,
  renderWith,
  summaries,
  type FakeHandlers,
  storySummary,
} from './fakeClient'

const many: ArticleSummary[] = Array.from({ length: 8 }, (_, i) => ({
  ...summaries[0]!,
  id: i + 1,
  title: `Artikel ${i + 1}`,
  kicker: null,
}))

function setUp(extra: SelectionAction[] = [], rows = many, samples = 0, more: FakeHandlers = {}) {
  let current = rows
  const client = fakeClient({
    ...more,
    ...listFakes(() => current, samples),
    'articles.delete': ({ ids }) => {
      current = current.filter((r) => !ids.includes(r.id))
      return { deleted: ids.length }
    },
    'library.removeSample': () => {
      const before = current.length
      current = current.filter((r) => !r.sample)
      return { removed: before - current.length }
    },
  })
  const onOpen = vi.fn()
  renderWith(
    <ImportProvider>
      <LibraryView onOpen={onOpen} actions={extra} />
    </ImportProvider>,
    client,
  )
  return { client, onOpen }
}

const rows = () => screen.getAllByTestId('article-row')
const box = (i: number) => within(rows()[i]!).getByRole('checkbox')
const checked = () =>
  rows()
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => within(r).getByRole('link').textContent)

describe('selecting articles in the library', () => {
  it('selects with checkboxes and a range with Shift-click', async () => {
    setUp()
    await screen.findAllByTestId('article-row')
    fireEvent.click(box(1))
    fireEvent.click(box(4), { shiftKey: true })
    expect(checked()).toEqual(['Artikel 2', 'Artikel 3', 'Artikel 4', 'Artikel 5'])
    expect(screen.getByText('4 Artikel ausgewählt')).toBeTruthy()
    fireEvent.click(box(2))
    expect(checked()).toEqual(['Artikel 2', 'Artikel 4', 'Artikel 5'])
  })

  it('selects everything with Ctrl+A and the header box, and clears with Escape', async () => {
    setUp()
    await screen.findAllByTestId('article-row')
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true })
    expect(checked()).toHaveLength(8)
    expect((screen.getByTestId('select-all') as HTMLInputElement).checked).toBe(true)
    fireEvent.keyDown(rows()[0]!, { key: 'Escape' })
    expect(checked()).toHaveLength(0)
    fireEvent.click(screen.getByTestId('select-all'))
    expect(checked()).toHaveLength(8)
    fireEvent.click(screen.getByRole('button', { name: 'Auswahl aufheben' }))
    expect(checked()).toHaveLength(0)
  })

  it('leaves Ctrl+A in a text field alone', async () => {
    setUp()
    await screen.findAllByTestId('article-row')
    const input = document.createElement('input')
    document.body.append(input)
    fireEvent.keyDown(input, { key: 'a', ctrlKey: true })
    expect(checked()).toHaveLength(0)
    input.remove()
  })

  it('moves with the arrow keys, selects with Space, extends with Shift, opens with Enter', async () => {
    const { onOpen } = setUp()
    await screen.findAllByTestId('article-row')
    const first = rows()[0]!
    first.focus()
    fireEvent.keyDown(first, { key: ' ' })
    fireEvent.keyDown(first, { key: 'ArrowDown', shiftKey: true })
    fireEvent.keyDown(first, { key: 'ArrowDown', shiftKey: true })
    expect(checked()).toEqual(['Artikel 1', 'Artikel 2', 'Artikel 3'])
    await waitFor(() => expect(document.activeElement).toBe(rows()[2]))
    fireEvent.keyDown(rows()[2]!, { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledWith(3)
  })

  it('opens an article from a plain click anywhere on its row', async () => {
    const { onOpen } = setUp()
    await screen.findAllByTestId('article-row')
    fireEvent.click(rows()[3]!.querySelector('.outlet-cell')!)
    expect(onOpen).toHaveBeenCalledWith(4)
    fireEvent.click(rows()[5]!.querySelector('.outlet-cell')!, { ctrlKey: true })
    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(checked()).toEqual(['Artikel 6'])
  })

  it('runs an action of another feature on the selection, in list order, then clears it', async () => {
    const run = vi.fn()
    const story: SelectionAction = {
      id: 'story',
      label: (_t, n) => `${n} zur Geschichte`,
      run: (ids) => run(ids),
    }
    setUp([story])
    await screen.findAllByTestId('article-row')
    fireEvent.click(box(5))
    fireEvent.click(box(0))
    fireEvent.click(screen.getByRole('button', { name: '2 zur Geschichte' }))
    await waitFor(() => expect(run).toHaveBeenCalledWith([1, 6]))
    await waitFor(() => expect(checked()).toHaveLength(0))
  })

  it('shows an action’s error as one sentence and keeps the selection', async () => {
    const failing: SelectionAction = {
      id: 'fail',
      label: () => 'Markieren',
      run: () => {
        throw new Error('Das ging nicht.')
      },
    }
    setUp([failing])
    await screen.findAllByTestId('article-row')
    fireEvent.click(box(0))
    fireEvent.click(screen.getByRole('button', { name: 'Markieren' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/Das ging nicht\./)
    expect(checked()).toEqual(['Artikel 1'])
  })

  it('deletes the selection after one confirmation', async () => {
    const { deleteSelection } = await import('../../renderer/src/features/library/selectionActions')
    const { client } = setUp([deleteSelection])
    await screen.findAllByTestId('article-row')
    fireEvent.click(box(0))
    fireEvent.click(box(2), { shiftKey: true })
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    fireEvent.click(screen.getByRole('button', { name: '3 löschen' }))
    await waitFor(() =>
      expect(client.calls.find((c) => c.method === 'articles.delete')?.input).toEqual({
        ids: [1, 2, 3],
      }),
    )
    expect(confirm).toHaveBeenCalledWith('3 Artikel aus der Bibliothek löschen?')
    confirm.mockRestore()
    await act(async () => client.emit('library.changed', { reason: 'delete' }))
    await waitFor(() => expect(rows()).toHaveLength(5), { timeout: 3000 })
  })
})

describe('the sample library', () => {
  it('labels the sample articles and removes them in one step', async () => {
    const withSamples = many.map((r, i) => (i < 4 ? { ...r, sample: true } : r))
    const { client } = setUp([], withSamples, 4)
    await screen.findAllByTestId('article-row')
    expect(screen.getAllByText('Beispiel')).toHaveLength(4)
    expect(screen.getByRole('note').textContent).toMatch(/Die 4 Beispielartikel/)
    fireEvent.click(screen.getByRole('button', { name: 'Beispielbibliothek entfernen' }))
    await waitFor(() =>
      expect(client.calls.some((c) => c.method === 'library.removeSample')).toBe(true),
    )
  })
})

describe('adding the selection to a story', () => {
  it('offers "add to story" in the selection bar of the app and adds the selected articles', async () => {
    const { App } = await import('../../renderer/src/app/App')
    const client = fakeClient({
      ...listFakes(() => many),
      'story.list': () => [storySummary(4, 'Ostsee-Gipfel')],
      'story.addArticles': ({ id }) => ({ id }) as never,
    })
    renderWith(<App />, client)
    await screen.findAllByTestId('article-row')
    expect(screen.queryByRole('button', { name: /Zu Geschichte hinzufügen/ })).toBeNull()
    fireEvent.click(box(2))
    fireEvent.click(box(5), { shiftKey: true })
    const bar = screen.getByRole('region', { name: /Auswahl/ })
    fireEvent.click(within(bar).getByRole('button', { name: 'Zu Geschichte hinzufügen (4)' }))
    fireEvent.click(await screen.findByRole('menuitem', { name: /Ostsee-Gipfel/ }))
    await screen.findByText('Zu „Ostsee-Gipfel“ hinzugefügt.')
    expect(client.calls.find((c) => c.method === 'story.addArticles')!.input).toEqual({
      id: 4,
      articles: [3, 4, 5, 6],
    })
  })
})

describe('extracting the selection again', () => {
  it('re-extracts the selected articles and says what changed', async () => {
    const { reextractSelection } =
      await import('../../renderer/src/features/furniture/reextractSelection')
    const { client } = setUp([reextractSelection], many, 0, {
      'library.reextract': ({ ids = [] }) => ({
        items: ids.map((id) => ({ id }) as never),
        changed: 2,
        unchanged: ids.length - 2,
        failed: 0,
        cancelled: false,
      }),
    })
    await screen.findAllByTestId('article-row')
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true })
    fireEvent.click(screen.getByRole('button', { name: '8 Artikel neu extrahieren' }))
    await screen.findByText('Neu extrahiert: 2 geändert, 6 unverändert, 0 nicht möglich.')
    expect(client.calls.find((c) => c.method === 'library.reextract')!.input).toEqual({
      ids: [1, 2, 3, 4, 5, 6, 7, 8],
    })
  })
})
