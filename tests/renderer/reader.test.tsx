import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ReaderView } from '../../renderer/src/features/reader/ReaderView'
import { detail, fakeClient, plain, renderWith } from './fakeClient'

function reader(lang: 'de' | 'en' = 'de') {
  const client = fakeClient({
    'article.get': ({ id }) => ({ ...detail, id }),
    'article.delete': () => ({ deleted: true }),
    'app.info': () => ({
      version: '0',
      libraryPath: '',
      articleCount: 1,
      mode: 'browser',
      canOpenExternal: false,
      canImportPaths: false,
    }),
  })
  const onBack = vi.fn()
  return { client, onBack, ...renderWith(<ReaderView id={2} onBack={onBack} />, client, lang) }
}

describe('the reader', () => {
  it('shows kicker, title and outlet, date and author above clean German text', async () => {
    reader()
    const article = await screen.findByTestId('article')
    expect(article.getAttribute('lang')).toBe('de')
    expect(screen.getByText('Analyse zum Ostsee-Gipfel')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Ein Versprechen ohne Preisschild',
    )
    const meta = article.querySelector('.article-meta')!
    expect(plain(meta)).toContain('Mitteldeutsche Rundschau')
    expect(plain(meta)).toContain('15. März 2025')
    expect(plain(meta)).toContain('Von Katrin Albers')
    const body = article.querySelector('.article-body')!
    expect(body.querySelectorAll('p')).toHaveLength(2)
    expect(body.querySelector('h2')!.textContent).toBe('Einig nur bei den Sanktionen')
    expect(plain(body.querySelector('p'))).toBe(detail.paragraphs[0])
  })

  it('hyphenates long German words for the line breaks', async () => {
    reader()
    await waitFor(
      () =>
        expect(
          screen.getByTestId('article').querySelector('.article-body p')!.textContent,
        ).toContain('\u00ad'),
      { timeout: 4000 },
    )
    const text = screen.getByTestId('article').querySelector('.article-body p')!.textContent!
    expect(text).toMatch(/Ent\u00ADschlos\u00ADsen\u00ADheit|Ent\u00ADschlossen\u00ADheit/)
  })

  it('keeps reader comments collapsed below the article', async () => {
    reader()
    const comments = await screen.findByTestId('comments')
    expect(comments.tagName).toBe('DETAILS')
    expect((comments as HTMLDetailsElement).open).toBe(false)
    expect(comments.querySelector('summary')!.textContent).toBe('2 Leserkommentare')
    expect(plain(comments)).toContain('Gerd aus Halle')
    expect(plain(comments)).toContain('anonym')
  })

  it('changes the text size in steps and remembers it', async () => {
    reader()
    await screen.findByTestId('article')
    const reader_ = screen.getByTestId('article').parentElement!
    const size = () => reader_.style.getPropertyValue('--reader-size')
    expect(size()).toBe('19px')
    fireEvent.click(screen.getByRole('button', { name: 'Schrift vergrößern' }))
    expect(size()).toBe('21px')
    expect(localStorage.getItem('lesesaal.fontSize')).toBe('3')
    for (let i = 0; i < 10; i++)
      fireEvent.click(screen.getByRole('button', { name: 'Schrift verkleinern' }))
    expect(size()).toBe('15px')
    expect(
      (screen.getByRole('button', { name: 'Schrift verkleinern' }) as HTMLButtonElement).disabled,
    ).toBe(true)
  })

  it('speaks English when the user chose English, the article stays German', async () => {
    reader('en')
    const article = await screen.findByTestId('article')
    expect(plain(article.querySelector('.article-meta'))).toContain('15 March 2025')
    expect(screen.getByRole('button', { name: /Back to library/ })).toBeTruthy()
    expect(article.getAttribute('lang')).toBe('de')
  })

  it('deletes the article after asking', async () => {
    const { client, onBack } = reader()
    await screen.findByTestId('article')
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true)
    fireEvent.click(screen.getByRole('button', { name: 'Löschen' }))
    expect(client.calls.some((c) => c.method === 'article.delete')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Löschen' }))
    await waitFor(() => expect(onBack).toHaveBeenCalled())
    expect(confirm.mock.calls[0]![0]).toBe(
      '„Ein Versprechen ohne Preisschild“ aus der Bibliothek löschen?',
    )
  })

  it('says so when the article does not exist', async () => {
    const client = fakeClient({})
    client.call = (async () => {
      const { ApiCallError } = await import('../../renderer/src/api/client')
      throw new ApiCallError('not_found', 'There is no article 9.')
    }) as typeof client.call
    renderWith(<ReaderView id={9} onBack={() => {}} />, client)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Diesen Artikel gibt es nicht (mehr).',
    )
  })
})
