/**
 * The study room's screens against a fake API: tints from the article's lemma map, saving from
 * the reader with the S key, the review's keys, the vocabulary list, the library's difficulty.
 */
import { focusWord } from '../../renderer/src/features/glossary/useWordPopover'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ArticleWords, StudyCard, VocabWord } from '../../shared/study'
import { LibraryView } from '../../renderer/src/features/library/LibraryView'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import { ReviewView } from '../../renderer/src/features/study/ReviewView'
import { tintFor } from '../../renderer/src/features/study/tint'
import { VocabularyView } from '../../renderer/src/features/study/VocabularyView'
import { ImportProvider } from '../../renderer/src/features/import/ImportContext'
import { detail, fakeClient, renderWith, summaries, listFakes } from './fakeClient'

const words: ArticleWords = {
  articleId: 2,
  forms: { Sanktionen: 0, Schiffe: 1, Bilder: 2 },
  lemmas: [
    { key: 'sanktion', lemma: 'Sanktion', status: 'learning2' },
    { key: 'schiff', lemma: 'Schiff', status: 'new' },
    { key: 'bild', lemma: 'Bild', status: 'known' },
  ],
  words: 30,
  unknownShare: 0.4,
  newLemmas: 1,
}

describe('tints', () => {
  it('classes a word by its lemma status, as far as the setting asks', () => {
    expect(tintFor(words, 'off')).toBeUndefined()
    const learning = tintFor(words, 'learning')!
    expect(learning('Sanktionen')).toBe('st-l2')
    expect(learning('Schiffe')).toBeUndefined()
    const all = tintFor(words, 'all')!
    expect(all('Schiffe')).toBe('st-new')
    expect(all('Bilder')).toBeUndefined() // known
    expect(all('Rostock')).toBeUndefined() // a name: not in the map
    expect(all('constructor')).toBeUndefined()
  })
})

function reader() {
  const client = fakeClient({
    'article.get': ({ id }) => ({ ...detail, id }),
    'study.articleWords': () => words,
    'vocab.save': () => ({ lemma: 'Schiff' }) as VocabWord,
    'review.counts': () => ({ due: 0, fresh: 0, doneToday: 0, nextDue: null }),
  })
  return { client, ...renderWith(<ReaderView id={2} onBack={() => {}} />, client) }
}

describe('the reader', () => {
  it('tints nothing until the learner asks for it, then learning and unknown words', async () => {
    reader()
    const article = await screen.findByTestId('article')
    await screen.findByText('40 % unbekannt')
    const span = (w: string) => article.querySelector<HTMLElement>(`.w[data-word="${w}"]`)!
    expect(span('Sanktionen').className).toBe('w')
    fireEvent.change(screen.getByTestId('tint-mode'), { target: { value: 'all' } })
    expect(span('Sanktionen').className).toBe('w st-l2')
    expect(span('Schiffe').className).toBe('w st-new')
    expect(span('Bilder').className).toBe('w')
    expect(localStorage.getItem('lesesaal.tint')).toBe('all')
  })

  it('saves the focused word with its sentence when S is pressed', async () => {
    const { client } = reader()
    const article = await screen.findByTestId('article')
    const span = article.querySelector<HTMLElement>('.w[data-word="Schiffe"]')!
    // a word takes the focus as the arrow keys put it there
    focusWord(span)
    fireEvent.keyDown(span, { key: 's' })
    await screen.findByText('„Schiff“ gespeichert.')
    const call = client.calls.find((c) => c.method === 'vocab.save')!
    const input = call.input as {
      word: string
      articleId: number
      context: { text: string; offset: number }
    }
    expect(input).toMatchObject({ word: 'Schiffe', articleId: 2 })
    expect(input.context.text.slice(input.context.offset)).toMatch(/^Schiffe dürfen/)
  })

  it('offers all remaining new words as known, with the count', async () => {
    reader()
    expect(
      await screen.findByRole('button', { name: '1 neues Wort als bekannt markieren' }),
    ).toBeTruthy()
  })
})

const card: StudyCard = {
  id: 7,
  kind: 'cloze',
  front: 'Bei den […] ging es schnell. (sanction)',
  back: 'Bei den Sanktionen ging es schnell.\ndie Sanktion',
  lemma: 'Sanktion',
  wordId: 1,
  hint: 'sanction',
  cloze: { before: 'Bei den ', answer: 'Sanktionen', after: ' ging es schnell.' },
  noun: null,
  source: { articleId: 2, title: 'Ein Versprechen ohne Preisschild', outlet: 'Rundschau' },
  state: 'new',
  due: '2025-06-01T08:00:00.000Z',
}

describe('the review', () => {
  it('shows with Space, answers with 1–4 and undoes with U', async () => {
    let next: StudyCard | null = card
    const counts = { due: 0, fresh: 1, doneToday: 0, nextDue: null }
    const client = fakeClient({
      'review.next': () => ({ card: next, counts }),
      'review.answer': ({ card: id, rating }) => {
        next = null
        return {
          card: id,
          rating,
          due: '',
          stability: 1,
          difficulty: 5,
          state: 'learning',
          reps: 1,
          lapses: 0,
          scheduledDays: 0,
        }
      },
      'review.undo': () => {
        next = card
        return { card: 7, lemma: 'Sanktion' }
      },
      'study.settings': () => ({ newPerDay: 20, levelShare: 0.05 }),
      'vocab.list': () => ({ words: [], total: 1 }),
    })
    renderWith(<ReviewView />, client)
    const gap = await screen.findByTestId('cloze-gap')
    expect(gap.textContent).toBe('…')
    expect(screen.getByText('Hinweis: sanction')).toBeTruthy()
    fireEvent.keyDown(window, { key: '3' }) // not before the answer is shown
    expect(client.calls.some((c) => c.method === 'review.answer')).toBe(false)
    fireEvent.keyDown(window, { key: ' ' })
    expect(screen.getByTestId('cloze-gap').textContent).toBe('Sanktionen')
    fireEvent.keyDown(window, { key: '3' })
    await screen.findByText('Für jetzt ist alles wiederholt.')
    expect(client.calls.find((c) => c.method === 'review.answer')!.input).toMatchObject({
      card: 7,
      rating: 'good',
    })
    fireEvent.keyDown(window, { key: 'u' })
    await screen.findByText('Antwort zu „Sanktion“ zurückgenommen.')
    expect(screen.getByTestId('cloze-gap').textContent).toBe('…')
  })
})

const saved: VocabWord = {
  id: 1,
  lemma: 'Sanktion',
  pos: 'noun',
  gender: 'f',
  article: 'die',
  plural: 'Sanktionen',
  gloss: 'sanction',
  status: 'learning1',
  savedAt: '2025-06-01T08:00:00.000Z',
  updatedAt: '2025-06-01T08:00:00.000Z',
  sentences: [
    {
      id: 1,
      text: 'Bei den Sanktionen ging es schnell.',
      form: 'Sanktionen',
      formStart: 8,
      articleId: 2,
      articleTitle: 'Ein Versprechen ohne Preisschild',
      outlet: 'Mitteldeutsche Rundschau',
      published: '2025-03-15',
      paragraph: 2,
      start: 0,
      savedAt: '2025-06-01T08:00:00.000Z',
    },
  ],
  due: '2025-06-02T08:00:00.000Z',
  cards: [],
  frequency: 3,
}

describe('the vocabulary page', () => {
  it('lists saved words with their sentences, and filters by status', async () => {
    const client = fakeClient({
      'vocab.list': ({ status }) =>
        status === 'known' ? { words: [], total: 0 } : { words: [saved], total: 1 },
    })
    renderWith(<VocabularyView onOpenArticle={() => {}} />, client)
    const item = await screen.findByTestId('vocab-item')
    expect(within(item).getByText('Sanktion')).toBeTruthy()
    expect(item.querySelector('mark')!.textContent).toBe('Sanktionen')
    expect(item.textContent).toContain('in 3 Artikeln')
    fireEvent.change(screen.getByTestId('vocab-status'), { target: { value: 'known' } })
    await screen.findByText('Keine Wörter für diese Auswahl.')
  })

  it('gives a phrase no count of articles (the counts are of single words)', async () => {
    const phrase: VocabWord = { ...saved, lemma: 'in Kraft treten', pos: 'phrase', frequency: null }
    renderWith(
      <VocabularyView onOpenArticle={() => {}} />,
      fakeClient({ 'vocab.list': () => ({ words: [phrase], total: 1 }) }),
    )
    const item = await screen.findByTestId('vocab-item')
    expect(item.textContent).not.toMatch(/in \d+ Artikel/)
    expect(item.textContent).toContain('fällig')
  })
})

describe('difficulty in the library', () => {
  const library = (active: boolean) =>
    fakeClient({
      ...listFakes(() => summaries),
      'study.settings': () => ({ newPerDay: 20, levelShare: 0.05 }),
      'study.difficulty': () => ({
        ids: [1, 2, 3],
        shares: [0.03, 0.4, null],
        pending: 1,
        computing: false,
        active,
      }),
    })

  it('stays out of the way of people who only read', async () => {
    renderWith(
      <ImportProvider>
        <LibraryView onOpen={() => {}} />
      </ImportProvider>,
      library(false),
    )
    await screen.findAllByTestId('article-row')
    expect(screen.queryByText('Unbekannt')).toBeNull()
    expect(screen.queryByTestId('level-filter')).toBeNull()
  })

  it('shows each share and keeps the articles that fit my level', async () => {
    renderWith(
      <ImportProvider>
        <LibraryView onOpen={() => {}} />
      </ImportProvider>,
      library(true),
    )
    await waitFor(() => expect(screen.getAllByTestId('unknown-share')).toHaveLength(3))
    expect(
      screen.getAllByTestId('unknown-share').map((c) => c.textContent!.replace(/\s/g, ' ')),
    ).toEqual(['3 %', '40 %', '…'])
    fireEvent.click(screen.getByTestId('level-filter'))
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(1))
    expect(screen.getByTestId('article-row').textContent).toContain('Unterseekabel')
  })
})
