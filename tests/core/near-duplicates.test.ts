/**
 * A near-copy of an article (issue 12: a pasted copy with a changed word was imported as a new
 * article without a word) is reported as "nearly the same as article N" and imported only
 * when asked for. A near-copy from another outlet is a wire copy and is imported.
 */
import { describe, expect, it } from 'vitest'
import { call, testCore } from '../helpers/core'
import { article, articleFile } from '../helpers/german'

const ORIGINAL = article(1, 42)
const text = articleFile(ORIGINAL)
// the same report with a changed last sentence and two words corrected: a near-copy
const nearCopy = text
  .replace(
    ORIGINAL.paragraphs.at(-1)!,
    `${ORIGINAL.paragraphs.at(-1)!} Die Sitzung ist öffentlich.`,
  )
  .replace(/Stadtrat/, 'Gemeinderat')
const base64 = (s: string) => Buffer.from(s).toString('base64')

describe('near-duplicates', () => {
  it('reports a pasted near-copy instead of importing it, and imports it when asked', async () => {
    const core = testCore()
    const first = await call(core, 'import.text', { text })
    expect(first.id).toBeGreaterThan(0)
    const again = await call(core, 'import.text', { text: nearCopy })
    expect(again.id).toBeNull()
    expect(again.duplicateOf).toBeNull()
    expect(again.error).toBeNull()
    expect(again.nearDuplicateOf).toMatchObject({ id: first.id, title: ORIGINAL.title })
    expect(again.nearDuplicateOf!.similarity).toBeGreaterThanOrEqual(0.9)
    expect(again.nearDuplicateOf!.similarity).toBeLessThan(1)
    expect(await call(core, 'library.list', {})).toHaveLength(1)

    const anyway = await call(core, 'import.text', { text: nearCopy, nearDuplicates: 'import' })
    expect(anyway.id).toBeGreaterThan(first.id!)
    expect(await call(core, 'library.list', {})).toHaveLength(2)
  })

  it('reports a near-copy among uploaded files, also of a file in the same batch', async () => {
    const core = testCore()
    const other = articleFile(article(2, 42))
    const { results } = await call(core, 'import.files', {
      files: [
        { name: 'original.txt', data: base64(text) },
        { name: 'other.txt', data: base64(other) },
        { name: 'copy.txt', data: base64(nearCopy) },
      ],
    })
    expect(results.map((r) => [r.source, r.id !== null, r.nearDuplicateOf?.id ?? null])).toEqual([
      ['original.txt', true, null],
      ['other.txt', true, null],
      ['copy.txt', false, results[0]!.id],
    ])
    expect(await call(core, 'library.list', {})).toHaveLength(2)
    // nothing of the copy is left in the search index
    const found = await call(core, 'search.query', { query: 'Gemeinderat' })
    expect(found.hits.map((h) => h.id)).not.toContain(3)

    const { results: again } = await call(core, 'import.files', {
      files: [{ name: 'copy.txt', data: base64(nearCopy) }],
      nearDuplicates: 'import',
    })
    expect(again[0]).toMatchObject({ error: null, nearDuplicateOf: null })
    expect(again[0]!.id).toBeGreaterThan(0)
  })

  it('imports a near-copy from another outlet: a wire copy is not a duplicate', async () => {
    const core = testCore()
    await call(core, 'import.text', { text })
    const wire = nearCopy.replace(`© ${ORIGINAL.outlet}`, '© Weser-Kurier')
    const r = await call(core, 'import.text', { text: wire })
    expect(r).toMatchObject({ outlet: 'Weser-Kurier', nearDuplicateOf: null, error: null })
    expect(r.id).toBeGreaterThan(0)
  })

  it('finds the near-copy also after the reader asked for an article’s glossary terms', async () => {
    // the statement cache shares prepared statements (and their pluck mode) between rooms
    const core = testCore()
    const first = await call(core, 'import.text', { text })
    await call(core, 'lexicon.terms', { id: first.id! })
    const again = await call(core, 'import.text', { text: nearCopy })
    expect(again.nearDuplicateOf?.id).toBe(first.id)
  })

  it('imports 60 different articles of one library without calling any a near-copy', async () => {
    const core = testCore()
    const files = Array.from({ length: 60 }, (_, n) => ({
      name: `a${n}.txt`,
      data: base64(articleFile(article(n, 5))),
    }))
    const { results } = await call(core, 'import.files', { files })
    expect(results.filter((r) => r.nearDuplicateOf)).toEqual([])
    expect(results.every((r) => r.id !== null)).toBe(true)
  })
  it('finds the original among reports written to one pattern', async () => {
    const core = testCore()
    const places = ['Rheine', 'Weiden', 'Zittau', 'Bad Kreuznach', 'Meppen']
    const things = ['ein Navigationsgerät', 'zwei Laptops', 'eine Sporttasche', 'Werkzeug']
    const report = (n: number) =>
      [
        `Polizeibericht ${places[n % 5]}: Autoeinbruch in der Nacht (${n})`,
        '',
        `In der Nacht zum Sonntag ist in ${places[n % 5]} ein geparktes Fahrzeug aufgebrochen worden. Die Täter erbeuteten ${things[n % 4]} im Wert von etwa ${((n * 37) % 900) + 100} Euro.`,
        '',
        `Die Polizeiinspektion bittet Zeugen, die in der Tatnacht Verdächtiges beobachtet haben, sich unter der Telefonnummer 0${n}${n} zu melden. Hinweise nimmt auch jede andere Dienststelle entgegen.`,
        '',
      ].join('\n')
    const files = Array.from({ length: 40 }, (_, n) => ({
      name: `bericht-${n}.txt`,
      data: base64(report(n)),
    }))
    // report 23 again, with a sentence added
    files.push({ name: 'nochmal.txt', data: base64(`${report(23)}Die Ermittlungen dauern an.\n`) })
    const { results } = await call(core, 'import.files', { files })
    expect(results.at(-1)!.nearDuplicateOf?.id).toBe(results[23]!.id)
    expect(results.slice(0, 40).every((r) => r.id !== null && !r.nearDuplicateOf)).toBe(true)
  })
})
