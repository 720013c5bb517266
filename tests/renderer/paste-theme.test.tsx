/**
 * A paste that fails keeps what was pasted, with the reason; a near-copy is named and can be
 * imported anyway; the colour scheme follows the system or the user's choice, remembered.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/src/app/App'
import { Modal } from '../../renderer/src/components/Modal'
import type { ImportResult } from '../../shared/types'
import { fakeClient, listFakes, renderWith, summaries } from './fakeClient'

const result = (patch: Partial<ImportResult>): ImportResult => ({
  source: 'paste',
  id: null,
  title: 'Gipfel in Rostock',
  outlet: null,
  published: null,
  words: 40,
  duplicateOf: null,
  nearDuplicateOf: null,
  error: null,
  ...patch,
})

async function openPaste(answer: (input: { nearDuplicates?: string }) => ImportResult) {
  const client = fakeClient({
    ...listFakes(() => summaries),
    'import.text': (input) => answer(input),
  })
  renderWith(<App />, client)
  await screen.findAllByTestId('article-row')
  fireEvent.click(screen.getByRole('button', { name: /Importieren/ }))
  fireEvent.click(screen.getByRole('menuitem', { name: 'Text einfügen …' }))
  const dialog = await screen.findByRole('dialog', { name: 'Text einfügen' })
  return { client, dialog }
}

const TEXT = 'Ein Absatz, den jemand eingefügt hat. '.repeat(20)

describe('the paste dialog', () => {
  it('keeps what was pasted when the import fails, and says why', async () => {
    const { dialog } = await openPaste(() =>
      result({ error: { code: 'no_text', message: 'No article text was found in it.' } }),
    )
    fireEvent.change(within(dialog).getByLabelText('Artikeltext'), { target: { value: TEXT } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importieren' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Nicht importiert: Darin wurde kein Artikeltext gefunden. Ihr Text bleibt hier.',
    )
    expect(screen.getByRole('dialog')).toBe(dialog)
    expect((within(dialog).getByLabelText('Artikeltext') as HTMLTextAreaElement).value).toBe(TEXT)
  })

  it('keeps the text when the dialog is closed, until it is imported', async () => {
    const { dialog } = await openPaste(() => result({ id: 9 }))
    fireEvent.change(within(dialog).getByLabelText('Artikeltext'), { target: { value: TEXT } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    fireEvent.click(screen.getByRole('button', { name: /Importieren/ }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Text einfügen …' }))
    const again = await screen.findByRole('dialog')
    expect((within(again).getByLabelText('Artikeltext') as HTMLTextAreaElement).value).toBe(TEXT)
    fireEvent.click(within(again).getByRole('button', { name: 'Importieren' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('names a near-copy and imports it anyway when asked', async () => {
    const answer = vi.fn((input: { nearDuplicates?: string }) =>
      input.nearDuplicates === 'import'
        ? result({ id: 12 })
        : result({ nearDuplicateOf: { id: 2, title: 'Ein Versprechen', similarity: 0.96 } }),
    )
    const { dialog } = await openPaste(answer)
    fireEvent.change(within(dialog).getByLabelText('Artikeltext'), { target: { value: TEXT } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importieren' }))
    const notice = await within(dialog).findByRole('alert')
    expect(notice.textContent).toMatch(
      /Fast derselbe Text wie „Ein Versprechen“ in Ihrer Bibliothek \(96 % gleich\)/,
    )
    fireEvent.click(within(notice).getByRole('button', { name: 'Trotzdem importieren' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(answer.mock.calls.map((c) => c[0].nearDuplicates)).toEqual(['skip', 'import'])
    expect(
      await screen.findByText('1 importiert, 0 schon vorhanden, 0 fehlgeschlagen'),
    ).toBeTruthy()
  })
})

describe('the colour scheme', () => {
  const system = (dark: boolean) => {
    const listeners = new Set<() => void>()
    const query = {
      matches: dark,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    }
    window.matchMedia = vi.fn(() => query) as unknown as typeof window.matchMedia
    return {
      change: (d: boolean) => {
        query.matches = d
        listeners.forEach((l) => l())
      },
    }
  }
  afterEach(() => localStorage.removeItem('lesesaal.theme'))

  it('follows a dark system, live, and a choice overrides it and is remembered', async () => {
    const os = system(true)
    renderWith(<App />, fakeClient(listFakes(() => summaries)))
    await screen.findAllByTestId('article-row')
    expect(document.documentElement.dataset.theme).toBe('dark')
    os.change(false)
    expect(document.documentElement.dataset.theme).toBe('light')
    // the switch is in the settings menu of the top bar
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen' }))
    fireEvent.change(screen.getByTestId('theme'), { target: { value: 'dark' } })
    expect(document.documentElement.dataset.theme).toBe('dark')
    os.change(false)
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem('lesesaal.theme')).toBe('dark')
    expect(
      within(screen.getByTestId('theme'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Wie System', 'Hell', 'Dunkel'])
  })

  it('closes the settings menu when the page changes or the focus leaves it', async () => {
    system(false)
    renderWith(<App />, fakeClient(listFakes(() => summaries)))
    await screen.findAllByTestId('article-row')
    const open = () => fireEvent.click(screen.getByRole('button', { name: 'Einstellungen' }))
    open()
    expect(screen.getByTestId('theme')).toBeTruthy()
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await waitFor(() => expect(screen.queryByTestId('theme')).toBeNull())
    open()
    expect(screen.getByTestId('theme')).toBeTruthy()
    screen.getByRole('searchbox').focus()
    await waitFor(() => expect(screen.queryByTestId('theme')).toBeNull())
  })
})

describe('a modal dialog', () => {
  it('keeps the focus inside: Tab from the last button goes to the first field, Shift+Tab back', () => {
    render(
      <Modal title="Eigener Begriff" onClose={() => {}}>
        <input aria-label="Stichwort" />
        <button type="button">Abbrechen</button>
        <button type="button">Speichern</button>
      </Modal>,
    )
    const field = screen.getByLabelText('Stichwort')
    expect(document.activeElement).toBe(field)
    const save = screen.getByRole('button', { name: 'Speichern' })
    save.focus()
    fireEvent.keyDown(save, { key: 'Tab' })
    expect(document.activeElement).toBe(field)
    fireEvent.keyDown(field, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(save)
  })
})
