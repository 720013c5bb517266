/** The notes room's pieces against a fake API: Markdown, autosave and drafts, marks, the panel. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Highlight, Note } from '../../shared/contract/notes'
import { WordText } from '../../renderer/src/features/glossary/WordText'
import { getDraft, putDraft, restoreDrafts } from '../../renderer/src/features/notes/drafts'
import { Markdown, renderMarkdown } from '../../renderer/src/features/notes/Markdown'
import { NoteEditor } from '../../renderer/src/features/notes/NoteEditor'
import { ExportMenu } from '../../renderer/src/features/notes/ExportMenu'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import { articleText } from '../../shared/text'
import { detail, fakeClient, highlightOf, renderWith } from './fakeClient'

const info = {
  version: '0',
  libraryPath: '',
  articleCount: 1,
  mode: 'browser' as const,
  canOpenExternal: false,
  canImportPaths: false,
}

describe('Markdown notes', () => {
  it('renders Markdown but shows raw HTML as text and drops scripts, images and handlers', () => {
    const html = renderMarkdown(
      '**fett** <b onclick="x()">roh</b>\n\n<script>alert(1)</script> ![bild](http://x/y.png) [Quelle](javascript:alert(1))',
    )
    expect(html).toContain('<strong>fett</strong>')
    expect(html).toContain('&lt;b onclick="x()"&gt;roh&lt;/b&gt;')
    expect(html).not.toMatch(/<script|<img|onclick="x\(\)">|href="javascript/)
  })

  it('opens http(s) links outside the app, in a new tab without an opener in browser mode', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const client = fakeClient({ 'app.info': () => info })
    renderWith(<Markdown body="Siehe [Tarifvertrag](https://example.org/tarif)." />, client)
    fireEvent.click(screen.getByText('Tarifvertrag'))
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith(
        'https://example.org/tarif',
        '_blank',
        'noopener,noreferrer',
      ),
    )
    open.mockRestore()
  })
})

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }))
  afterEach(() => vi.useRealTimers())

  const target = { kind: 'article', id: 2 } as const
  const saved: { guid: string; body: string }[] = []
  const client = () =>
    fakeClient({
      'note.save': ({ guid, body }) => {
        saved.push({ guid, body })
        return {
          note: { id: 1, guid, target, body, tags: [], createdAt: '', updatedAt: '' } as Note,
        }
      },
    })

  it('keeps every keystroke as a draft and saves once after a pause in typing', async () => {
    saved.length = 0
    renderWith(<NoteEditor guid="guid-0000-1" target={target} body="" autoFocus />, client())
    const box = screen.getByRole('textbox')
    fireEvent.change(box, { target: { value: 'Erst' } })
    fireEvent.change(box, { target: { value: 'Erster Gedanke' } })
    expect(getDraft('guid-0000-1')?.body).toBe('Erster Gedanke')
    expect(saved).toEqual([])
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(saved).toEqual([{ guid: 'guid-0000-1', body: 'Erster Gedanke' }])
    // the library has it: the draft is gone
    expect(getDraft('guid-0000-1')).toBeNull()
  })

  it('saves at once when the field is left or the page is hidden', async () => {
    saved.length = 0
    renderWith(<NoteEditor guid="guid-0000-2" target={target} body="" autoFocus />, client())
    const box = screen.getByRole('textbox')
    fireEvent.change(box, { target: { value: 'Vor dem Schließen' } })
    window.dispatchEvent(new Event('pagehide'))
    await act(() => Promise.resolve())
    expect(saved).toEqual([{ guid: 'guid-0000-2', body: 'Vor dem Schließen' }])
  })

  it('shows a draft left by a page that was closed before the save, and saves it', async () => {
    saved.length = 0
    putDraft({ guid: 'guid-0000-3', target, body: 'Ungespeichert', at: Date.now() })
    renderWith(<NoteEditor guid="guid-0000-3" target={target} body="" />, client())
    expect(screen.getByText('Ungespeichert')).toBeTruthy()
    await waitFor(() => expect(saved).toEqual([{ guid: 'guid-0000-3', body: 'Ungespeichert' }]))
  })

  it('keeps the text and the draft when the save fails', async () => {
    const failing = fakeClient({})
    renderWith(<NoteEditor guid="guid-0000-4" target={target} body="" autoFocus />, failing)
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Bleibt' } })
    fireEvent.blur(screen.getByRole('textbox'))
    await screen.findByText(/Nicht gespeichert: .* der Text bleibt hier erhalten/)
    expect(getDraft('guid-0000-4')?.body).toBe('Bleibt')
  })

  it('restores drafts of an earlier session at start, each under its own GUID', async () => {
    saved.length = 0
    putDraft({ guid: 'guid-0000-5', target, body: 'Eins', at: 1 })
    putDraft({ guid: 'guid-0000-6', target, body: 'Zwei', at: 2 })
    expect(await restoreDrafts(client())).toBe(2)
    expect(saved.map((s) => s.body).sort()).toEqual(['Eins', 'Zwei'])
    expect(getDraft('guid-0000-5')).toBeNull()
  })
})

describe('marks over the text', () => {
  it('marks the words of a range and the spaces between them, with the range data', () => {
    const { container } = render(
      <p>
        <WordText
          text="Sie brauchen nur eine Garantie."
          decorations={[{ start: 4, end: 21, className: 'hl hl-green', data: { hl: '7' } }]}
        />
      </p>,
    )
    const marked = [...container.querySelectorAll('.hl')].map((e) => e.textContent).join('')
    expect(marked).toBe('brauchen nur eine')
    expect(container.querySelectorAll('[data-hl="7"]')).toHaveLength(3)
  })
})

describe('the reader with notes', () => {
  it('lays highlights over the words, lists them beside the text and keeps orphans apart', async () => {
    const text = articleText(detail.paragraphs)
    const quote = detail.paragraphs[0]!.split(' ').slice(0, 3).join(' ')
    const h = (id: number, status: Highlight['status'], quote: string, start: number) =>
      highlightOf({ id, article: 2, quote, start, status })
    expect(text.slice(0, quote.length)).toBe(quote)
    const client = fakeClient({
      'article.get': () => detail,
      'app.info': () => info,
      'notes.article': () => ({
        highlights: [
          h(1, 'anchored', quote, 0),
          h(2, 'orphan', 'Ein Satz, den es nicht mehr gibt.', 5),
        ],
        notes: [],
        tags: ['Ostsee'],
      }),
      'article.versions': () => [],
    })
    renderWith(<ReaderView id={2} onBack={() => {}} />, client)
    const panel = await screen.findByTestId('notes-panel')
    await waitFor(() =>
      expect(panel.querySelectorAll('[data-testid=highlight-card]')).toHaveLength(1),
    )
    expect(panel.querySelector('[data-testid=orphans]')!.textContent).toContain(
      'Ein Satz, den es nicht mehr gibt.',
    )
    const words = [...document.querySelectorAll('.article-body .w.hl')].map(
      (w) => (w as HTMLElement).dataset.word,
    )
    expect(words.join(' ')).toBe(quote)
    // the panel folds away, and the choice is remembered
    fireEvent.click(screen.getByRole('button', { name: 'Notizen ausblenden' }))
    expect(screen.queryByTestId('notes-panel')).toBeNull()
    expect(localStorage.getItem('lesesaal.notesPanel')).toBe('closed')
  })
})

describe('the reader opened at a highlight (from the notes overview)', () => {
  it('scrolls its first word to the middle of the window and makes its card the active one', async () => {
    const text = articleText(detail.paragraphs)
    const last = detail.paragraphs.length - 1
    const word = detail.paragraphs[last]!.split(' ')[0]!
    const start = text.lastIndexOf(detail.paragraphs[last]!)
    const highlight = (id: number, start: number, quote: string) =>
      highlightOf({ id, article: 7, quote, start, color: 'blue' })
    const first = detail.paragraphs[0]!.split(' ')[0]!
    const client = fakeClient({
      // an article of its own (the notes of article 2 are remembered from the test above)
      'article.get': () => ({ ...detail, id: 7 }),
      'app.info': () => info,
      'notes.article': () => ({
        highlights: [highlight(4, 0, first), highlight(9, start, word)],
        notes: [],
        tags: [],
      }),
      'article.versions': () => [],
    })
    const scrolled: Element[] = []
    const scrollIntoView = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this)
    }
    try {
      renderWith(<ReaderView id={7} highlight={9} onBack={() => {}} />, client)
      await waitFor(() =>
        expect(scrolled.some((e) => (e as HTMLElement).dataset.hl === '9')).toBe(true),
      )
      const target = scrolled.find((e) => (e as HTMLElement).dataset.hl === '9') as HTMLElement
      expect(target.closest(`[data-para="${last}"]`)).not.toBeNull()
      await waitFor(() =>
        expect(
          document.querySelector('[data-testid=highlight-card].active')?.textContent,
        ).toContain(word),
      )
    } finally {
      Element.prototype.scrollIntoView = scrollIntoView
    }
  })
})

describe('the export menu', () => {
  it('closes on Escape, giving the focus back to its button, and on a click elsewhere', async () => {
    renderWith(<ExportMenu article={3} />, fakeClient({}))
    const button = screen.getByRole('button', { name: /Exportieren/ })
    fireEvent.click(button)
    expect(screen.getByRole('menu')).toBeTruthy()
    fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
    expect(document.activeElement).toBe(button)
    fireEvent.click(button)
    expect(screen.getByRole('menu')).toBeTruthy()
    fireEvent.mouseDown(document.body)
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
  })
})
