import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../renderer/src/app/App'
import { detail, fakeClient, listFakes, renderWith, summaries } from './fakeClient'

const client = () =>
  fakeClient({
    ...listFakes(() => summaries),
    'article.get': () => detail,
    'import.files': ({ files }) => ({
      results: files.map((f, i) =>
        i === 0
          ? {
              source: f.name,
              id: 7,
              title: 'Neu',
              outlet: null,
              published: null,
              words: 10,
              duplicateOf: null,
              error: null,
            }
          : {
              source: f.name,
              id: null,
              title: null,
              outlet: null,
              published: null,
              words: null,
              duplicateOf: null,
              error: { code: 'binary_file', message: 'This looks like a binary file, not text.' },
            },
      ),
      skipped: 0,
    }),
  })

describe('the window', () => {
  it('switches the interface language and remembers it', async () => {
    const c = client()
    const { i18n } = renderWith(<App />, c, 'de')
    expect(await screen.findByRole('heading', { name: /Bibliothek/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'EN' }))
    expect(await screen.findByRole('heading', { name: /Library 3 articles/ })).toBeTruthy()
    expect(i18n.language).toBe('en')
    expect(localStorage.getItem('lesesaal.language')).toBe('en')
  })

  it('goes from the library to an article and back', async () => {
    renderWith(<App />, client())
    fireEvent.click(await screen.findByText('Ein Versprechen ohne Preisschild'))
    expect(await screen.findByTestId('article')).toBeTruthy()
    expect(window.location.hash).toBe('#/article/2')
    fireEvent.click(screen.getByRole('button', { name: '← Zur Bibliothek' }))
    expect(await screen.findAllByTestId('article-row')).toHaveLength(3)
  })

  it('imports picked files and reports each one', async () => {
    const c = client()
    renderWith(<App />, c)
    await screen.findAllByTestId('article-row')
    const input = screen.getByTestId('file-input') as HTMLInputElement
    const files = [
      new File(['Der Rat hat beschlossen.'], 'gut.txt', { type: 'text/plain' }),
      new File([new Uint8Array([0, 1, 2])], 'kaputt.txt'),
    ]
    fireEvent.change(input, { target: { files } })
    expect(
      await screen.findByText('1 importiert, 0 schon vorhanden, 1 fehlgeschlagen'),
    ).toBeTruthy()
    const failed = screen.getAllByRole('listitem').find((li) => li.className === 'failed')!
    expect(failed.textContent).toBe('✗kaputt.txtDas ist keine Textdatei.')
    const call = c.calls.find((x) => x.method === 'import.files')!.input as {
      files: { name: string; data: string }[]
    }
    expect(call.files.map((f) => f.name)).toEqual(['gut.txt', 'kaputt.txt'])
    expect(atob(call.files[0]!.data)).toBe('Der Rat hat beschlossen.')
  })

  it('lets a folder pick skip files that are not articles', async () => {
    const c = client()
    renderWith(<App />, c)
    await screen.findAllByTestId('article-row')
    const mk = (name: string, path: string) => {
      const f = new File(['Text des Artikels.'], name)
      Object.defineProperty(f, 'webkitRelativePath', { value: path })
      return f
    }
    fireEvent.change(screen.getByTestId('folder-input'), {
      target: {
        files: [
          mk('a.txt', 'ordner/a.txt'),
          mk('bild.png', 'ordner/bild.png'),
          mk('.x.txt', 'ordner/.x.txt'),
        ],
      },
    })
    expect(await screen.findByText(/2 andere Dateien übersprungen/)).toBeTruthy()
    const call = c.calls.find((x) => x.method === 'import.files')!.input as {
      files: { name: string }[]
    }
    expect(call.files.map((f) => f.name)).toEqual(['ordner/a.txt'])
  })
})

describe('the import report', () => {
  it('says when a pasted article is already in the library, and opens it', async () => {
    const c = fakeClient({
      ...listFakes(() => summaries),
      'article.get': () => detail,
      'import.text': () => ({
        source: 'paste',
        id: null,
        title: 'Ein Versprechen ohne Preisschild',
        outlet: null,
        published: null,
        words: 300,
        duplicateOf: 2,
        error: null,
      }),
    })
    renderWith(<App />, c)
    await screen.findAllByTestId('article-row')
    fireEvent.click(screen.getByRole('button', { name: /Importieren/ }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Text einfügen …' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('Artikeltext'), {
      target: { value: 'Die Bilder aus Rostock …' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importieren' }))
    expect(
      await screen.findByText('0 importiert, 1 schon vorhanden, 0 fehlgeschlagen'),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'schon in der Bibliothek' }))
    expect(await screen.findByTestId('article')).toBeTruthy()
    expect(window.location.hash).toBe('#/article/2')
  })
})
