import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { placePopover, WordPopover } from '../../renderer/src/features/glossary/WordPopover'
import { WordText } from '../../renderer/src/features/glossary/WordText'
import { GlossaryView } from '../../renderer/src/features/glossary/GlossaryView'
import { forgetLookups } from '../../renderer/src/features/glossary/lookupCache'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import type { WordInfo } from '../../shared/types'
import { detail, fakeClient, renderWith } from './fakeClient'

const view = { width: 1000, height: 700 }
const size = { width: 360, height: 240 }
const overlaps = (
  a: { top: number; bottom: number; left: number; right: number },
  b: { left: number; top: number; width: number; height: number },
) => a.left < b.left + b.width && b.left < a.right && a.top < b.top + b.height && b.top < a.bottom

describe('where the popover goes', () => {
  it('goes below the word when there is room', () => {
    const word = { top: 100, bottom: 124, left: 200, right: 320 }
    const p = placePopover(word, size, view)
    expect(p.side).toBe('below')
    expect(p.top).toBeGreaterThanOrEqual(word.bottom)
    expect(p.left).toBe(200)
  })

  it('goes above a word near the bottom, without covering it', () => {
    const word = { top: 600, bottom: 624, left: 200, right: 320 }
    const p = placePopover(word, size, view)
    expect(p.side).toBe('above')
    expect(p.top + Math.min(size.height, p.maxHeight)).toBeLessThanOrEqual(word.top)
    expect(p.top).toBeGreaterThanOrEqual(0)
  })

  it('stays inside the window at the right edge and in a narrow window', () => {
    const word = { top: 300, bottom: 324, left: 940, right: 995 }
    const p = placePopover(word, size, view)
    expect(p.left + size.width).toBeLessThanOrEqual(view.width)
    const narrow = placePopover(word, size, { width: 300, height: 700 })
    expect(narrow.left).toBeGreaterThanOrEqual(0)
  })

  it('never covers the word, wherever it is', () => {
    for (let top = 0; top < 680; top += 37)
      for (let left = 0; left < 980; left += 83) {
        const word = { top, bottom: top + 22, left, right: left + 90 }
        const p = placePopover(word, size, view)
        const height = Math.min(size.height, p.maxHeight)
        expect(overlaps(word, { left: p.left, top: p.top, width: size.width, height })).toBe(false)
        expect(p.left).toBeGreaterThanOrEqual(0)
        expect(p.left + size.width).toBeLessThanOrEqual(view.width)
      }
  })
})

describe('words that can be looked up', () => {
  it('wraps every word, marks glossary terms and keeps search marks numbered', () => {
    const text = 'Die Vereinten Nationen verhängten Sanktionen.'
    const { container } = render(
      <p>
        <WordText
          text={text}
          terms={[
            { start: 4, end: 22, lemma: 'Vereinte Nationen', entryId: 1 },
            { start: 34, end: 44, lemma: 'Sanktion', entryId: 2 },
          ]}
          marks={[{ start: 34, end: 44 }]}
          firstMark={3}
        />
      </p>,
    )
    expect(container.textContent).toBe(text)
    const words = [...container.querySelectorAll<HTMLElement>('.w')].map((w) => w.dataset.word)
    expect(words).toEqual(['Die', 'Vereinten', 'Nationen', 'verhängten', 'Sanktionen'])
    const terms = [...container.querySelectorAll<HTMLElement>('.w.term')].map((w) => w.dataset.term)
    expect(terms).toEqual(['Vereinte Nationen', 'Vereinte Nationen', 'Sanktion'])
    expect(container.querySelector('mark')!.dataset.mark).toBe('3')
    expect(container.querySelector('mark')!.textContent).toBe('Sanktionen')
  })

  it('keeps a Leichte Sprache word with middle dots one word, and a spaced dot between words', () => {
    const text = 'Das Rat·haus lädt ein · Politik · Kultur'
    const { container } = render(
      <p>
        <WordText text={text} />
      </p>,
    )
    expect(container.textContent).toBe(text)
    const words = [...container.querySelectorAll<HTMLElement>('.w')].map((w) => w.dataset.word)
    expect(words).toEqual(['Das', 'Rat·haus', 'lädt', 'ein', 'Politik', 'Kultur'])
  })
})

const info: WordInfo = {
  query: 'Sicherheitsgarantien',
  found: true,
  lemma: 'Sicherheitsgarantie',
  pos: 'noun',
  gender: 'f',
  article: 'die',
  plural: 'Sicherheitsgarantien',
  genitive: null,
  gloss: 'security guarantee',
  explanation: 'Ein Versprechen, einen Staat zu schützen.',
  domain: 'politics',
  parts: ['Sicherheit', 's', 'Garantie'],
  source: 'builtin',
  via: 'form',
  separable: null,
  entryId: 7,
  more: [],
  note: null,
  occurrences: {
    total: 3,
    articles: [{ id: 4, title: 'Gipfel in Rostock', outlet: 'Tagesblick' }],
  },
}

/** The popover pinned under "Sicherheitsgarantien", with handlers the test may watch. */
function renderPopover(
  client: ReturnType<typeof fakeClient>,
  handlers: {
    onLookup?: (w: string) => void
    onOpenArticle?: (id: number, q: string) => void
  } = {},
) {
  return renderWith(
    <WordPopover
      target={{
        word: 'Sicherheitsgarantien',
        rect: { top: 10, bottom: 30, left: 10, right: 90 },
        pinned: true,
      }}
      onClose={() => undefined}
      onOpenArticle={handlers.onOpenArticle ?? (() => undefined)}
      onEditTerm={() => undefined}
      onLookup={handlers.onLookup ?? (() => undefined)}
    />,
    client,
  )
}

describe('the popover', () => {
  it('shows article, plural, gloss and parts; parts and occurrences can be followed', async () => {
    forgetLookups()
    const client = fakeClient({ 'lexicon.lookup': () => info })
    const onLookup = vi.fn()
    const onOpenArticle = vi.fn()
    renderPopover(client, { onLookup, onOpenArticle })
    const dialog = await screen.findByRole('dialog', {
      name: 'Erklärung zu „Sicherheitsgarantien“',
    })
    await waitFor(() => expect(dialog.textContent).toContain('security guarantee'))
    expect(dialog.querySelector('.popover-head')!.textContent).toMatch(/^die Sicherheitsgarantie/)
    expect(dialog.textContent).toContain('Pl. Sicherheitsgarantien')
    expect(dialog.textContent).toContain('Kommt in 3 Artikeln Ihrer Bibliothek vor')
    fireEvent.click(screen.getByRole('button', { name: 'Garantie' }))
    expect(onLookup).toHaveBeenCalledWith('Garantie')
    fireEvent.click(screen.getByRole('button', { name: 'Gipfel in Rostock' }))
    expect(onOpenArticle).toHaveBeenCalledWith(4, 'Sicherheitsgarantie')
  })

  it('says a word too common to count is common, not that it occurs nowhere', async () => {
    forgetLookups()
    const soll: WordInfo = {
      ...info,
      query: 'soll',
      lemma: 'sollen',
      pos: 'verb',
      gender: null,
      article: null,
      plural: null,
      occurrences: { total: 0, articles: [], common: true },
    }
    renderPopover(fakeClient({ 'lexicon.lookup': () => soll }))
    const dialog = await screen.findByTestId('word-popover')
    await waitFor(() =>
      expect(dialog.textContent).toContain('Ein sehr häufiges Wort: wird nicht gezählt'),
    )
    expect(dialog.textContent).not.toContain('nicht vor')
  })

  it('names a fixed phrase and a separable verb with their words in the sentence', async () => {
    const phrase: WordInfo = {
      ...info,
      query: 'trat',
      lemma: 'in Kraft treten',
      pos: 'phrase',
      gender: null,
      article: null,
      plural: null,
      parts: [],
      via: 'phrase',
      separable: 'trat … in Kraft',
      gloss: 'to come into force',
    }
    for (const [word, expected] of [
      [phrase, 'Feste Wendung, hier: trat … in Kraft'],
      [
        { ...phrase, lemma: 'ankündigen', via: 'separable', separable: 'kündigte … an' },
        'Trennbares Verb, hier: kündigte … an',
      ],
    ] as const) {
      forgetLookups()
      const { unmount } = renderPopover(fakeClient({ 'lexicon.lookup': () => word }))
      const dialog = await screen.findByTestId('word-popover')
      await waitFor(() => expect(dialog.textContent).toContain(expected))
      unmount()
    }
  })

  it('gives genitive and plural, the plural also when it is the same word', async () => {
    forgetLookups()
    const treffen: WordInfo = {
      ...info,
      query: 'Gipfeltreffens',
      lemma: 'Gipfeltreffen',
      gender: 'n',
      article: 'das',
      genitive: 'Gipfeltreffens',
      plural: 'Gipfeltreffen',
    }
    renderPopover(fakeClient({ 'lexicon.lookup': () => treffen }))
    const dialog = await screen.findByTestId('word-popover')
    await waitFor(() => expect(dialog.querySelector('.popover-head')).toBeTruthy())
    const line = dialog.querySelector('.popover-line')!.textContent
    expect(line).toBe('Gen. Gipfeltreffens · Pl. Gipfeltreffen')
  })

  it('saves the note when the field is left', async () => {
    forgetLookups()
    const client = fakeClient({
      'lexicon.lookup': () => info,
      'lexicon.note': ({ note }) => ({ note }),
    })
    renderPopover(client)
    const note = await screen.findByPlaceholderText('Notiz zu diesem Wort …')
    fireEvent.change(note, { target: { value: 'wichtig für den Gipfel' } })
    fireEvent.blur(note)
    await waitFor(() =>
      expect(client.calls.find((c) => c.method === 'lexicon.note')?.input).toEqual({
        lemma: 'Sicherheitsgarantie',
        note: 'wichtig für den Gipfel',
      }),
    )
  })
})

describe('the reader with the glossary', () => {
  it('marks the terms the core found, and a click opens the popover for the word', async () => {
    forgetLookups()
    const title = detail.title
    const client = fakeClient({
      'article.get': () => detail,
      'lexicon.terms': () => ({
        title: [{ start: 0, end: 3, lemma: title.slice(0, 3), entryId: 1 }],
        paragraphs: detail.paragraphs.map(() => []),
      }),
      'lexicon.lookup': ({ word }) => ({ ...info, query: word }),
    })
    renderWith(<ReaderView id={2} onBack={() => undefined} />, client)
    const heading = await screen.findByRole('heading', { level: 1 })
    await waitFor(() => expect(heading.querySelector('.w.term')).toBeTruthy())
    fireEvent.click(heading.querySelector('.w')!)
    const dialog = await screen.findByTestId('word-popover')
    await waitFor(() => expect(dialog.textContent).toContain('security guarantee'))
    // the word with its sentence (separable verbs) and its article (names introduced earlier)
    expect(client.calls.find((c) => c.method === 'lexicon.lookup')?.input).toEqual({
      word: title.split(' ')[0],
      context: { text: title, offset: 0, article: 2 },
    })
    fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByTestId('word-popover')).toBeNull())
  })
})

describe('the glossary page', () => {
  it('offers to import again a dictionary an older version read, and does so', async () => {
    const status = (outdated: boolean) => ({
      dictionaries: [
        {
          id: 1,
          name: 'Ding (trans-de-en)',
          path: '/usr/share/trans/de-en',
          importedAt: '2026-11-30T10:00:00.000Z',
          entries: 397000,
          forms: 512000,
          malformed: 2,
          outdated,
        },
      ],
      systemCopy: outdated ? '/usr/share/trans/de-en' : null,
      systemOutdated: outdated,
      glossaryEntries: 580,
      userEntries: 0,
    })
    let outdated = true
    const client = fakeClient({
      'dict.status': () => status(outdated),
      'lexicon.entries': () => ({ entries: [], total: 0 }),
      'dict.importSystem': () => {
        outdated = false
        return {
          name: 'Ding (trans-de-en)',
          lines: 1,
          entries: 1,
          forms: 0,
          malformed: 0,
          examples: [],
          seconds: 1,
        }
      },
    })
    renderWith(<GlossaryView />, client)
    const banner = await screen.findByRole('note')
    expect(banner.textContent).toContain('von einer älteren Version von Lesesaal gelesen')
    fireEvent.click(screen.getByRole('button', { name: 'Neu importieren' }))
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull())
    expect(client.calls.some((c) => c.method === 'dict.importSystem')).toBe(true)
  })
})
