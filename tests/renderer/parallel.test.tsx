import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Alignment, AlignedArticle } from '../../shared/contract/align'
import type { StorySuggestion } from '../../shared/contract/stories'
import { columnModel } from '../../renderer/src/features/parallel/model'
import { ParallelView } from '../../renderer/src/features/parallel/ParallelView'
import { AddToStory } from '../../renderer/src/features/stories/AddToStory'
import { StoriesView } from '../../renderer/src/features/stories/StoriesView'
import { detail, fakeClient, highlightOf, renderWith, storySummary } from './fakeClient'

function article(id: number, outlet: string, sentences: string[]): AlignedArticle {
  const body = sentences.join(' ')
  let at = 0
  return {
    id,
    title: `${outlet}: Gipfel`,
    outlet,
    published: '2025-03-14',
    words: body.split(' ').length,
    paragraphs: [body],
    headings: [],
    sentences: sentences.map((text) => {
      const s = { paragraph: 0, start: at, end: at + text.length, text }
      at += text.length + 1
      return s
    }),
  }
}

const alignment: Alignment = {
  articles: [
    article(1, 'Hanse-Kurier', [
      'Die Staaten einigen sich auf ein Lagezentrum.',
      'Die Kosten sind offen.',
      'Das nächste Treffen ist in Tallinn.',
    ]),
    article(2, 'Tagesblick', [
      'Offen bleibt, wer die Kosten trägt.',
      'Ein Lagezentrum in Gdingen wurde vereinbart.',
    ]),
    article(3, 'Radio Bernstein', ['Das Lagezentrum kommt nach Gdingen.', 'Es regnete.']),
  ],
  pairs: [
    { a: { id: 1, sentence: 0 }, b: { id: 2, sentence: 1 }, score: 0.6 },
    { a: { id: 1, sentence: 0 }, b: { id: 3, sentence: 0 }, score: 0.5 },
    { a: { id: 1, sentence: 1 }, b: { id: 2, sentence: 0 }, score: 0.4 },
  ],
  only: [
    { id: 1, sentence: 2 },
    { id: 3, sentence: 1 },
  ],
}

describe('the parallel view’s model', () => {
  it('finds partners and "only here" among the columns shown', () => {
    const all = columnModel(alignment, [1, 2, 3])
    expect(all.partners.get('1:0')!.map((p) => p.id)).toEqual([2, 3])
    expect([...all.only].sort()).toEqual(['1:2', '3:1'])
    // without the second article, what only it shared becomes "only here"
    const two = columnModel(alignment, [1, 3])
    expect(two.only.has('1:1')).toBe(true)
    expect(two.partners.get('1:0')!.map((p) => p.id)).toEqual([3])
  })
})

describe('the parallel view', () => {
  const view = () => {
    const client = fakeClient({ 'align.story': () => alignment })
    const onColumns = vi.fn()
    renderWith(
      <ParallelView
        storyId={7}
        columns={[1, 2, 3]}
        onColumns={onColumns}
        onBack={() => {}}
        onOpenArticle={() => {}}
      />,
      client,
    )
    return { client, onColumns }
  }
  const sentence = (ref: string) => document.querySelector<HTMLElement>(`.sent[data-ref="${ref}"]`)!
  /**
   * Until the columns listen: their sentences are on the page a moment before the view's
   * pointer and key handlers are attached (an effect after the render), and a pointer over a
   * sentence then marks it.
   */
  const listening = () =>
    waitFor(() => {
      fireEvent.mouseOver(sentence('1:0'))
      expect(sentence('1:0').classList.contains('active')).toBe(true)
    })

  it('shows each article in a column with outlet and date, and marks "only here"', async () => {
    view()
    await waitFor(() => expect(screen.getAllByTestId('parallel-column')).toHaveLength(3))
    expect(screen.getAllByTestId('parallel-column')[0]!.textContent).toContain('Hanse-Kurier')
    expect(screen.getAllByTestId('parallel-column')[0]!.textContent).toContain('14. März 2025')
    expect(sentence('1:2').classList.contains('only')).toBe(true)
    expect(sentence('1:2').dataset.onlyLabel).toBe('nur hier')
    expect(sentence('1:0').classList.contains('only')).toBe(false)
  })

  it('labels a run of "only here" sentences once, on its first (each keeps the mark)', async () => {
    const run: Alignment = {
      articles: [
        article(1, 'Hanse-Kurier', [
          'Die Staaten einigen sich auf ein Lagezentrum.',
          'Das nächste Treffen ist in Tallinn.',
          'Dort tagt auch der Rat.',
        ]),
        article(2, 'Tagesblick', ['Ein Lagezentrum in Gdingen wurde vereinbart.']),
      ],
      pairs: [{ a: { id: 1, sentence: 0 }, b: { id: 2, sentence: 0 }, score: 0.6 }],
      only: [
        { id: 1, sentence: 1 },
        { id: 1, sentence: 2 },
      ],
    }
    renderWith(
      <ParallelView
        storyId={7}
        columns={[1, 2]}
        onColumns={() => {}}
        onBack={() => {}}
        onOpenArticle={() => {}}
      />,
      fakeClient({ 'align.story': () => run }),
    )
    await waitFor(() => expect(screen.getAllByTestId('parallel-column')).toHaveLength(2))
    expect(sentence('1:1').dataset.onlyLabel).toBe('nur hier')
    expect(sentence('1:2').classList.contains('only')).toBe(true)
    expect(sentence('1:2').dataset.onlyLabel).toBeUndefined()
  })

  it('marks the partners of the sentence pointed at in the other columns', async () => {
    view()
    await listening()
    expect(sentence('1:0').classList.contains('active')).toBe(true)
    expect(sentence('2:1').classList.contains('partner')).toBe(true)
    expect(sentence('3:0').classList.contains('partner')).toBe(true)
    expect(sentence('2:0').classList.contains('partner')).toBe(false)
    fireEvent.mouseOver(sentence('1:1'))
    expect(sentence('2:1').classList.contains('partner')).toBe(false)
    expect(sentence('2:0').classList.contains('partner')).toBe(true)
  })

  it('starts the sentence keys in a column reached with Tab, at its first sentence', async () => {
    view()
    await listening()
    const second = document.querySelector<HTMLElement>('.pcol[data-article="2"] .pcol-body')!
    second.focus()
    fireEvent.keyDown(second, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(sentence('2:0'))
    fireEvent.keyDown(sentence('2:0'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(sentence('2:1'))
  })

  it('moves sentence to sentence, to the partner, and to the next "only here" by keyboard', async () => {
    view()
    await listening()
    sentence('1:0').focus()
    fireEvent.keyDown(sentence('1:0'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(sentence('2:1'))
    fireEvent.keyDown(sentence('2:1'), { key: 'ArrowUp' })
    expect(document.activeElement).toBe(sentence('2:0'))
    fireEvent.keyDown(sentence('2:0'), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(sentence('1:1'))
    fireEvent.keyDown(sentence('1:1'), { key: 'n' })
    expect(document.activeElement).toBe(sentence('1:2'))
    fireEvent.keyDown(sentence('1:2'), { key: 'n' })
    expect(document.activeElement).toBe(sentence('3:1'))
    // Enter goes into the words, for the glossary
    fireEvent.keyDown(sentence('3:1'), { key: 'Enter' })
    expect((document.activeElement as HTMLElement).dataset.word).toBe('Es')
  })

  it('swaps a column for another article of the story', async () => {
    const { onColumns } = view()
    await waitFor(() => expect(screen.getAllByTestId('parallel-column')).toHaveLength(3))
    const select = screen.getAllByLabelText('Artikel dieser Spalte')[0]!
    fireEvent.change(select, { target: { value: '3' } })
    expect(onColumns).toHaveBeenCalledWith([3, 2, 1])
  })
})

describe('add to story', () => {
  it('adds the articles to a story from the menu, or to a new one', async () => {
    const client = fakeClient({
      'story.list': () => [storySummary(4, 'Ostsee-Gipfel')],
      'story.addArticles': ({ id }) => ({ id }) as never,
      'story.create': ({ title }) => ({ id: 5, title }) as never,
    })
    renderWith(<AddToStory articleIds={[8, 9]} />, client)
    fireEvent.click(screen.getByRole('button', { name: 'Zu Geschichte hinzufügen (2)' }))
    fireEvent.click(await screen.findByRole('menuitem', { name: /Ostsee-Gipfel/ }))
    await screen.findByText('Zu „Ostsee-Gipfel“ hinzugefügt.')
    expect(client.calls.find((c) => c.method === 'story.addArticles')!.input).toEqual({
      id: 4,
      articles: [8, 9],
    })
    fireEvent.click(screen.getByRole('button', { name: 'Zu Geschichte hinzufügen (2)' }))
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Neue Geschichte …' }))
    fireEvent.change(screen.getByLabelText('Name der neuen Geschichte'), {
      target: { value: 'Kabelschutz' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Anlegen' }))
    await screen.findByText('Zu „Kabelschutz“ hinzugefügt.')
    expect(client.calls.find((c) => c.method === 'story.create')!.input).toEqual({
      title: 'Kabelschutz',
      articles: [8, 9],
    })
  })
})

describe('the translation view', () => {
  it('shows the beads side by side and sends a correction when two are joined', async () => {
    const { TranslationView } = await import('../../renderer/src/features/parallel/TranslationView')
    const sentences = (texts: string[]) =>
      texts.map((text, i) => ({ paragraph: 0, start: i * 100, end: i * 100 + text.length, text }))
    const aligned = {
      source: { id: 1, title: 'Landtag', sentences: sentences(['Eins.', 'Zwei.', 'Drei.']) },
      translation: { id: 9, lang: 'en', sentences: sentences(['One and two.', 'Three.']) },
      beads: [
        { source: [0], translation: [0], score: 0.5, fixed: false },
        { source: [1], translation: [], score: 0, fixed: false },
        { source: [2], translation: [1], score: 0.7, fixed: false },
      ],
    }
    const client = fakeClient({
      'translation.list': () => [
        { id: 9, articleId: 1, lang: 'en', detected: true, name: null, addedAt: '', sentences: 2 },
      ],
      'translation.get': () => aligned,
      'translation.correct': () => ({
        ...aligned,
        beads: [{ source: [0, 1], translation: [0], score: 1, fixed: true }, aligned.beads[2]!],
      }),
    })
    renderWith(<TranslationView articleId={1} onBack={() => {}} />, client)
    const beads = await screen.findAllByTestId('bead')
    expect(beads).toHaveLength(3)
    expect(beads[0]!.textContent).toContain('Eins.')
    expect(beads[0]!.textContent).toContain('One and two.')
    fireEvent.click(beads[0]!.querySelector('[aria-label="Mit der nächsten Zuordnung verbinden"]')!)
    await waitFor(() => expect(screen.getAllByTestId('bead')).toHaveLength(2))
    expect(client.calls.find((c) => c.method === 'translation.correct')!.input).toEqual({
      id: 9,
      op: 'join',
      bead: 0,
    })
    expect(screen.getAllByTestId('bead')[0]!.textContent).toContain('von Hand korrigiert')
  })

  it('shows the German side’s highlights and opens one’s card on a click', async () => {
    const { TranslationView } = await import('../../renderer/src/features/parallel/TranslationView')
    const text = ['Eins.', 'Zwei Worte.', 'Drei.']
    let at = 0
    const source = text.map((t) => {
      const s = { paragraph: 0, start: at, end: at + t.length, text: t }
      at += t.length + 1
      return s
    })
    const client = fakeClient({
      'translation.list': () => [
        { id: 9, articleId: 1, lang: 'en', detected: true, name: null, addedAt: '', sentences: 1 },
      ],
      'translation.get': () => ({
        source: { id: 1, title: 'Landtag', sentences: source },
        translation: { id: 9, lang: 'en', sentences: [{ ...source[0]!, text: 'All of it.' }] },
        beads: [{ source: [0, 1, 2], translation: [0], score: 0.5, fixed: false }],
      }),
      'article.get': () => ({ ...detail, id: 1, paragraphs: [text.join(' ')], headings: [] }),
      'notes.article': () => ({
        highlights: [
          highlightOf({
            id: 3,
            article: 1,
            quote: 'Zwei Worte',
            start: 6,
            prefix: 'Eins. ',
            suffix: '. Drei.',
            color: 'green',
          }),
        ],
        notes: [],
        tags: [],
      }),
    })
    renderWith(<TranslationView articleId={1} onBack={() => {}} />, client)
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('.bead-side.source .w.hl')].map((w) => w.textContent),
      ).toEqual(['Zwei', 'Worte']),
    )
    expect(document.querySelector('.bead-side.source .w.hl')!.className).toContain('hl-green')
    fireEvent.click(document.querySelector('.bead-side.source .w.hl')!)
    const dialog = await screen.findByRole('dialog', { name: 'Markierung' })
    expect(dialog.textContent).toContain('Zwei Worte')
  })
})

describe('the stories page', () => {
  it('says it is looking for suggestions until they come, then offers them', async () => {
    let answer: (s: StorySuggestion[]) => void = () => {}
    const client = fakeClient({
      'story.list': () => [],
      'story.suggest': () => new Promise<StorySuggestion[]>((resolve) => (answer = resolve)),
    })
    renderWith(<StoriesView onOpen={() => {}} />, client)
    expect(await screen.findByText('Artikel über dasselbe Ereignis werden gesucht …')).toBeTruthy()
    answer([{ articles: [3, 7], title: 'Gipfel in Rostock', score: 0.5, relations: [] }])
    expect(await screen.findByText('Gipfel in Rostock')).toBeTruthy()
    expect(screen.queryByText('Artikel über dasselbe Ereignis werden gesucht …')).toBeNull()
    expect(screen.getByRole('button', { name: 'Als Geschichte anlegen' })).toBeTruthy()
  })
})
