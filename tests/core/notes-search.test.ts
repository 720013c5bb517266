// Search over notes: answers kept between queries, and longer notes shown by their passage.
import { describe, expect, it } from 'vitest'
import { makeMatcher } from '../../electron/core/search/matcher'
import { bestSnippet } from '../../electron/core/search/snippet'
import { call, testCore } from '../helpers/core'

/** A library of two short articles, and a way to write an article's note. */
async function twoArticles() {
  const core = testCore()
  const paste = async (title: string, text: string) =>
    (await call(core, 'import.text', { text, title })).id!
  const a = await paste('Streik im Hafen', 'Die Beschäftigten legten am Montag die Arbeit nieder.')
  const b = await paste('Werften an der Küste', 'Die Werften melden volle Auftragsbücher.')
  const note = (guid: string, id: number, body: string) =>
    call(core, 'note.save', { guid, target: { kind: 'article', id }, body })
  return { core, a, b, note }
}

describe('search over notes, again and at length', () => {
  it('answers several words and exclusions in notes again after the notes changed', async () => {
    const { core, a, b, note } = await twoArticles()
    await note('several-a', a, 'Lohn und Tarif mit Flensburg vergleichen.')
    const found = async (query: string) =>
      ((await call(core, 'search.query', { query })).inNotes?.hits ?? []).map((h) => h.id).sort()
    // the same words twice: the second answer is the one kept from the first
    expect(await found('Lohn Tarif')).toEqual([a])
    expect(await found('Lohn Tarif')).toEqual([a])
    expect(await found('Lohn -Flensburg')).toEqual([])
    await note('several-b', b, 'Tarif und Lohn der Werftarbeiter in Kiel.')
    expect(await found('Lohn Tarif')).toEqual([a, b].sort())
    expect(await found('Lohn -Flensburg')).toEqual([b])
    await note('several-a', a, 'Nur noch der Tarif.')
    expect(await found('Lohn Tarif')).toEqual([b])
    expect(await found('Tarif -Kiel')).toEqual([a])
  })

  it('shows a longer note by the passage an article would show, its words and phrases marked', async () => {
    const core = testCore()
    const id = (
      await call(core, 'import.text', {
        title: 'Werften an der Küste',
        text: 'Die Werften melden volle Auftragsbücher. Die Gewerkschaft fordert mehr Lohn.',
      })
    ).id!
    const paragraphs = [
      'Erster Absatz: Gespräch mit dem Betriebsrat der Werft über die Lage nach dem Streik im Frühjahr, die Aufträge aus Norwegen und die Sorge um die Zulieferer an der Förde.',
      'Zweiter Absatz: Die Gewerkschaft verlangt eine Lohnerhöhung von acht Prozent; der Hafen-Streik in Kiel hat gezeigt, wie schnell die Lieferketten reißen, wenn die Werftarbeiter die Arbeit niederlegen und die Reederei auf Ersatz warten muss.',
    ]
    await call(core, 'note.save', {
      guid: 'long-note-1',
      target: { kind: 'article', id },
      body: paragraphs.join('\n\n'),
    })
    const shown = async (query: string) => {
      const r = await call(core, 'search.query', { query })
      return [...r.hits, ...(r.inNotes?.hits ?? [])].find((h) => h.id === id)?.note
    }
    // the passage around the word, cut at word boundaries, the word marked
    const note = await shown('Werftarbeiter')
    expect(note?.snippet.startsWith('… ')).toBe(true)
    expect(note?.highlights.map((r) => note.snippet.slice(r.start, r.end))).toEqual([
      'Werftarbeiter',
    ])
    // the same passage and marks as the article snippet's choice on the note's text
    for (const query of [
      'Werftarbeiter',
      'Hafen',
      'Streik',
      'Streik Gewerkschaft',
      '"die Arbeit niederlegen" Kiel',
      'Lohnerhöhung',
      'Werft*',
      'Förde Zweiter',
      '"Förde Zweiter"',
    ]) {
      const outcome = await core.search.search(query, { dates: 'certain' }, 10, 0)
      const s = bestSnippet(paragraphs, makeMatcher(outcome.parsed, outcome.expansions), 160)
      const expected = s ?? { text: paragraphs[0]!, highlights: [] }
      const got = await shown(query)
      if (query === '"Förde Zweiter"') {
        // a phrase across the paragraphs is one in the note's words, but not in a passage
        expect(got?.highlights).toEqual([])
        continue
      }
      expect(got, query).toEqual({
        from: 'note',
        snippet: expected.text,
        highlights: expected.highlights,
      })
    }
  })

  it('finds words being typed in notes, even words no article has', async () => {
    const { core, a, b, note } = await twoArticles()
    await note('typed-note-a', a, 'Bei der Hafenbehörde nach den Lieferketten fragen.')
    await note('typed-note-b', b, 'Die Hafenbehörde hat nicht geantwortet.')
    // as the search field sends it: the last word, no space after it, is being typed
    const typed = async (query: string) => {
      const r = await call(core, 'search.query', { query, asYouType: true })
      return (r.inNotes?.hits ?? []).map((h) => ({
        id: h.id,
        marked: h.note!.highlights.map((m) => h.note!.snippet.slice(m.start, m.end)),
      }))
    }
    // a second word no article has still counts in the notes: only the note with both
    expect(await typed('Hafenbehörde Lieferketten')).toEqual([
      { id: a, marked: ['Hafenbehörde', 'Lieferketten'] },
    ])
    // the first letters of a word only notes have find it, and mark it
    expect((await typed('Hafenbeh')).map((h) => h.marked)).toEqual([
      ['Hafenbehörde'],
      ['Hafenbehörde'],
    ])
    expect(await typed('Hafenbehörde Liefer')).toEqual([
      { id: a, marked: ['Hafenbehörde', 'Lieferketten'] },
    ])
  })
})
