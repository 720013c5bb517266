/** Highlights, notes and tags through the API, as the reader and the CLI use them. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core'
import { articleText } from '../../shared/text'
import { call, tempDir, testCore } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'
import { importHafenstreik, NOTES_FIXTURES } from '../helpers/notes'

const QUOTE = 'Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles'

async function failure(core: Core, method: string, input: unknown) {
  const r = await core.invoke(method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}

describe('highlights', () => {
  it('highlights a quote with a note and tag, at offsets into the article text', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const h = await call(core, 'highlight.create', {
      article: id,
      quote: QUOTE,
      note: 'Kernsatz der **Betriebsrätin**.',
      tags: ['Sicherheitsgarantien'],
      color: 'green',
    })
    const a = await call(core, 'article.get', { id })
    expect(articleText(a.paragraphs).slice(h.start, h.end)).toBe(QUOTE)
    expect(h).toMatchObject({
      quote: QUOTE,
      status: 'anchored',
      color: 'green',
      tags: ['Sicherheitsgarantien'],
    })
    expect(h.note?.body).toBe('Kernsatz der **Betriebsrätin**.')
    expect(h.prefix).toBe('ab geblieben war.\n\n„Wir fordern nichts Unverschämtes. '.slice(-32))
  })

  it('asks which occurrence of an ambiguous quote is meant', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const e = await failure(core, 'highlight.create', { article: id, quote: 'Sicherheit' })
    expect(e.code).toBe('invalid_input')
    expect(e.message).toMatch(/occurs 2 times.*--occurrence/)
    const second = await call(core, 'highlight.create', {
      article: id,
      quote: 'Sicherheit',
      occurrence: 2,
    })
    const first = await call(core, 'highlight.create', {
      article: id,
      quote: 'Sicherheit',
      occurrence: 1,
    })
    expect(second.start).toBeGreaterThan(first.start)
    expect(
      (await failure(core, 'highlight.create', { article: id, quote: 'Kopenhagen' })).code,
    ).toBe('not_found')
  })

  it('refuses offsets outside the text, and highlights of a missing article, in one sentence', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const e = await failure(core, 'highlight.create', { article: id, start: 5, end: 99_999 })
    expect(e.message).toMatch(/not inside the article text/)
    expect((await failure(core, 'highlight.create', { article: 999, start: 0, end: 3 })).code).toBe(
      'not_found',
    )
  })

  it('survives closing and opening the library again', async () => {
    const path = join(tempDir(), 'library.sqlite')
    let core = createCore({ libraryPath: path, canImportPaths: true })
    const id = await importHafenstreik(core)
    const h = await call(core, 'highlight.create', { article: id, quote: QUOTE, note: 'Merken' })
    core.close()
    core = createCore({ libraryPath: path })
    try {
      const { highlights } = await call(core, 'notes.article', { id })
      expect(highlights).toHaveLength(1)
      expect(highlights[0]).toMatchObject({
        guid: h.guid,
        quote: QUOTE,
        start: h.start,
        end: h.end,
        status: 'anchored',
      })
      expect(highlights[0]!.note?.body).toBe('Merken')
    } finally {
      core.close()
    }
  })

  it('re-attaches an orphan to words the user chooses', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const h = await call(core, 'highlight.create', {
      article: id,
      quote: 'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
      note: 'Fähren!',
    })
    await call(core, 'article.update', {
      id,
      path: join(NOTES_FIXTURES, 'hafenstreik-v2.md'),
    })
    const orphan = (await call(core, 'notes.article', { id })).highlights.find(
      (x) => x.id === h.id,
    )!
    expect(orphan.status).toBe('orphan')
    const moved = await call(core, 'highlight.attach', {
      id: h.id,
      quote: 'will die Gewerkschaft auch die Fährterminals bestreiken',
    })
    expect(moved).toMatchObject({
      status: 'anchored',
      quote: 'will die Gewerkschaft auch die Fährterminals bestreiken',
      quoteBefore: 'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
    })
    expect(moved.note?.body).toBe('Fähren!')
  })
})

describe('notes', () => {
  it('saves by GUID: a repeated autosave updates the same note, an empty text deletes it', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const target = { kind: 'article', id }
    const guid = 'a1b2c3d4-0000-4000-8000-000000000001'
    const first = await call(core, 'note.save', { guid, target, body: 'Erster Entwurf' })
    const again = await call(core, 'note.save', { guid, target, body: 'Erster Entwurf, ergänzt' })
    expect(again.note?.id).toBe(first.note?.id)
    expect((await call(core, 'notes.article', { id })).notes.map((n) => n.body)).toEqual([
      'Erster Entwurf, ergänzt',
    ])
    // an unchanged save does not make the note look edited
    const same = await call(core, 'note.save', { guid, target, body: 'Erster Entwurf, ergänzt' })
    expect(same.note?.updatedAt).toBe(again.note?.updatedAt)
    expect((await call(core, 'note.save', { guid, target, body: '  ' })).note).toBeNull()
    expect((await call(core, 'notes.article', { id })).notes).toEqual([])
  })

  it('gives a highlight one note, whatever GUID the second save brings', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    const h = await call(core, 'highlight.create', { article: id, quote: QUOTE })
    const target = { kind: 'highlight', id: h.id }
    await call(core, 'note.save', { guid: 'note-guid-0001', target, body: 'eins' })
    await call(core, 'note.save', { guid: 'note-guid-0002', target, body: 'zwei' })
    const { highlights } = await call(core, 'notes.article', { id })
    expect(highlights[0]!.note?.body).toBe('zwei')
    expect(
      (
        await failure(core, 'note.save', {
          guid: 'note-guid-0001',
          target: { kind: 'article', id },
          body: 'x',
        })
      ).message,
    ).toMatch(/belongs to something else/)
  })

  it('keeps word notes from the popover as notes (the lexicon note is one of them)', async () => {
    const core = testCore()
    await call(core, 'lexicon.note', { lemma: 'Sicherheitsgarantie', note: 'Oft im Plural.' })
    const list = await call(core, 'notes.list', {})
    expect(list.items).toMatchObject([
      { kind: 'note', lemma: 'sicherheitsgarantie', note: { body: 'Oft im Plural.' } },
    ])
    const word = await call(core, 'lexicon.lookup', { word: 'Sicherheitsgarantie' })
    expect(word.note).toBe('Oft im Plural.')
    await call(core, 'note.save', {
      guid: 'word-note-guid-1',
      target: { kind: 'lexicon', lemma: 'Sicherheitsgarantie' },
      body: 'Im Plural: Sicherheitsgarantien.',
    })
    expect((await call(core, 'lexicon.lookup', { word: 'Sicherheitsgarantie' })).note).toBe(
      'Im Plural: Sicherheitsgarantien.',
    )
    expect((await call(core, 'notes.list', {})).total).toBe(1)
  })
})

describe('tags and the notes overview', () => {
  it('filters by tag, colour, outlet and kind, newest first, page by page', async () => {
    const core = testCore({ resourcesPath: join(ROOT, 'resources') })
    await core.ensureSampleLibrary()
    const id = await importHafenstreik(core)
    const sample = (await call(core, 'library.list', {})).find((a) => a.outlet === 'Hanse-Kurier')!
    await call(core, 'highlight.create', {
      article: id,
      quote: QUOTE,
      tags: ['Sicherheitsgarantien'],
      color: 'green',
    })
    await call(core, 'highlight.create', {
      article: id,
      quote: 'Rund 900 Beschäftigte',
      color: 'yellow',
    })
    await call(core, 'highlight.create', {
      article: sample.id,
      quote: 'Rostocker Erklärung',
      occurrence: 1,
      color: 'green',
    })
    await call(core, 'note.save', {
      guid: 'article-note-0001',
      target: { kind: 'article', id: sample.id },
      body: 'Vergleichen mit dem Tagesblick.',
      tags: ['Sicherheitsgarantien'],
    })
    await call(core, 'article.setTags', { id: sample.id, tags: ['Ostsee', ' Ostsee ', 'Kabel'] })
    expect((await call(core, 'notes.article', { id: sample.id })).tags).toEqual(['Kabel', 'Ostsee'])

    const all = await call(core, 'notes.list', {})
    expect(all.total).toBe(4)
    // the most recently changed first
    const times = all.items.map((i) => i.updatedAt)
    expect([...times].sort().reverse()).toEqual(times)
    const tagged = await call(core, 'notes.list', { tag: 'sicherheitsgarantien' })
    expect(tagged.items.map((i) => i.quote ?? i.note?.body).sort()).toEqual([
      QUOTE,
      'Vergleichen mit dem Tagesblick.',
    ])
    const green = await call(core, 'notes.list', { color: 'green' })
    expect(green.items.map((i) => i.quote).sort()).toEqual(['Rostocker Erklärung', QUOTE])
    const kiel = await call(core, 'notes.list', { outlet: 'Kieler Abendpost' })
    expect(kiel.total).toBe(2)
    expect(kiel.items.every((i) => i.article?.outlet === 'Kieler Abendpost')).toBe(true)
    const page = await call(core, 'notes.list', { kind: 'highlight', limit: 2, offset: 2 })
    expect(page).toMatchObject({ total: 3 })
    expect(page.items).toHaveLength(1)
    const facets = await call(core, 'notes.facets', {})
    expect(facets.tags).toEqual([{ name: 'Sicherheitsgarantien', count: 2 }])
    expect(facets.colors).toEqual(
      expect.arrayContaining([
        { color: 'green', count: 2 },
        { color: 'yellow', count: 1 },
      ]),
    )
    // the search filter by tag sees tags on highlights and notes too
    const hits = await call(core, 'search.query', { query: 'Hafen', tag: 'Sicherheitsgarantien' })
    expect(hits.hits.map((h) => h.id)).toContain(id)
  })

  it('lists stories in the facets and filters notes of a story', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    core.db
      .prepare(
        "INSERT INTO stories (id, title, created_at) VALUES (7, 'Hafenstreik', '2025-06-04')",
      )
      .run()
    core.db.prepare('INSERT INTO story_articles (story_id, article_id) VALUES (7, ?)').run(id)
    await call(core, 'highlight.create', { article: id, quote: QUOTE })
    await call(core, 'note.save', {
      guid: 'story-note-00001',
      target: { kind: 'story', id: 7 },
      body: 'Chronologie anlegen.',
    })
    const list = await call(core, 'notes.list', { story: 7 })
    expect(list.total).toBe(2)
    expect(list.items.find((i) => i.kind === 'note')?.story).toEqual({
      id: 7,
      title: 'Hafenstreik',
    })
    expect((await call(core, 'notes.facets', {})).stories).toEqual([
      { id: 7, title: 'Hafenstreik', count: 2 },
    ])
  })
})

describe('search over notes', () => {
  it('finds an article by words only in the note, saying "in your note", and labels text hits', async () => {
    const core = testCore()
    const id = await importHafenstreik(core)
    await call(core, 'highlight.create', {
      article: id,
      quote: QUOTE,
      note: 'Vergleichbar mit den Werftarbeitern in Flensburg.',
    })
    const r = await call(core, 'search.query', { query: 'Werftarbeiter' })
    expect(r.total).toBe(0)
    expect(r.inNotes).toMatchObject({ total: 1, hits: [{ id, note: { from: 'note' } }] })
    expect(r.inNotes!.hits[0]!.note!.snippet).toContain('Werftarbeitern')
    const both = await call(core, 'search.query', { query: 'Sicherheit' })
    expect(both.hits.find((h) => h.id === id)?.note?.from).toBe('highlight')
    // a note changed by the user is found at once
    await call(core, 'note.save', {
      guid: 'new-note-search-1',
      target: { kind: 'article', id },
      body: 'Nachfragen beim Hafenverband in Lübeck.',
    })
    expect((await call(core, 'search.query', { query: 'nachfragen' })).inNotes?.total).toBe(1)
    // a phrase counts only where its words stand together, stopwords as typed
    expect((await call(core, 'search.query', { query: '"nach Lübeck"' })).inNotes).toBeUndefined()
    expect((await call(core, 'search.query', { query: '"in Lübeck"' })).inNotes?.total).toBe(1)
    expect(
      (await call(core, 'search.query', { query: '"beim Hafenverband"' })).inNotes?.total,
    ).toBe(1)
    expect(
      (await call(core, 'search.query', { query: 'nachfragen', outlet: 'Tagesblick' })).inNotes,
    ).toBeUndefined()
    // a phrase whose first word stands in the note twice: the second time completes it
    await call(core, 'note.save', {
      guid: 'new-note-search-2',
      target: { kind: 'article', id },
      body: 'Werftarbeiter aus Kiel berichten, die Kieler Werftarbeiter streiken seit Montag.',
    })
    const phrase = async (query: string) =>
      (await call(core, 'search.query', { query })).inNotes?.total ?? 0
    expect(await phrase('"Werftarbeiter streiken seit Montag"')).toBe(1)
    expect(await phrase('"Werftarbeiter aus Kiel"')).toBe(1)
    expect(await phrase('"Werftarbeiter seit Montag"')).toBe(0)
    expect(await phrase('"die Werftarbeiter"')).toBe(0)
    // stopwords alone find nothing (as in articles), and do not break the search
    expect(await phrase('"die Kieler"')).toBe(1)
    expect(await phrase('"aus"')).toBe(0)
    expect(await phrase('"seit die"')).toBe(0)
    // the note shown in the results marks the phrase where it stands, and the other words
    const marked = async (query: string) => {
      const r = await call(core, 'search.query', { query })
      const note = [...r.hits, ...(r.inNotes?.hits ?? [])].find((h) => h.id === id)?.note
      return note?.highlights.map((r) => note.snippet.slice(r.start, r.end)) ?? []
    }
    expect(await marked('"Werftarbeiter streiken seit Montag"')).toEqual([
      'Werftarbeiter streiken seit Montag',
    ])
    expect(await marked('"seit Montag" berichten')).toEqual(['berichten', 'seit Montag'])
    expect(await marked('"Kiel berichten" Werftarbeiter')).toEqual([
      'Werftarbeiter',
      'Kiel berichten',
      'Werftarbeiter',
    ])
    // a hyphenated word is marked whole when one of its parts is asked for
    await call(core, 'note.save', {
      guid: 'new-note-search-3',
      target: { kind: 'article', id },
      body: 'Der Hafen-Streik legt die Werft still.',
    })
    expect(await marked('Hafen')).toEqual(['Hafen-Streik'])
    expect(await marked('"legt die Werft"')).toEqual(['legt die Werft'])
    // every word in one note, in any order; an excluded word takes the note out (found in a
    // note: in the in-notes section, or as the label of the article's own hit)
    const inNote = async (query: string) => {
      const r = await call(core, 'search.query', { query })
      return Boolean(r.inNotes?.total || r.hits.some((h) => h.id === id && h.note))
    }
    expect(await inNote('Lübeck Hafenverband nachfragen')).toBe(true)
    expect(await inNote('nachfragen Werftarbeiter')).toBe(false)
    expect(await inNote('Flensburg Werftarbeiter')).toBe(true)
    expect(await inNote('nachfragen -Lübeck')).toBe(false)
    expect(await inNote('Werftarbeiter -Lübeck')).toBe(true)
    expect(await inNote('Hafenverb*')).toBe(true)
  })

  it('finds a compound in notes once the library knows it, and phrases by their own words', async () => {
    const core = testCore()
    const paste = async (title: string, text: string) =>
      (await call(core, 'import.text', { text, title })).id!
    const a = await paste(
      'Fähre fällt aus',
      'Die Reederei strich am Morgen alle Fahrten nach Sylt. Der Wind war zu stark für die Überfahrt.',
    )
    await call(core, 'note.save', {
      guid: 'note-compound-1',
      target: { kind: 'article', id: a },
      body: 'Die Hafenbehörde fragen, wann die Fähre wieder fährt.',
    })
    const found = async (query: string) =>
      (await call(core, 'search.query', { query })).hits.some((h) => h.id === a && h.note) ||
      Boolean((await call(core, 'search.query', { query })).inNotes?.total)
    // "Behörde" stands for the compounds the library's articles have: none yet
    expect(await found('Behörde')).toBe(false)
    expect(await found('Hafenbehörde')).toBe(true)
    // an article with the compound arrives: the same query now finds the note too
    await paste(
      'Neue Regeln im Hafen',
      'Die Hafenbehörde erlässt strengere Regeln für Fähren bei Sturm. Die Behörde will so Unfälle vermeiden.',
    )
    expect(await found('Behörde')).toBe(true)
    // a phrase's words are its own (inflected, not the compounds they end), as in articles
    expect(await found('"die Hafenbehörde"')).toBe(true)
    expect(await found('"die Behörde"')).toBe(false)
    expect(await found('"die Fähre"')).toBe(true)
  })

  it('leaves out of "in your notes" an article deleted a moment ago, and shows a changed title', async () => {
    const core = testCore({ libraryPath: join(tempDir(), 'library.sqlite') })
    const paste = async (title: string, text: string) =>
      (await call(core, 'import.text', { text, title })).id!
    const a = await paste(
      'Streik im Hafen von Kiel',
      'Die Beschäftigten des Hafens legten am Montag die Arbeit nieder. Der Verband kündigte Gespräche an.',
    )
    const b = await paste(
      'Werften an der Küste',
      'Die Werften melden volle Auftragsbücher. Die Gewerkschaft fordert mehr Lohn für alle.',
    )
    for (const id of [a, b])
      await call(core, 'note.save', {
        guid: `note-deleted-${id}`,
        target: { kind: 'article', id },
        body: 'Mit den Werftarbeitern in Flensburg vergleichen.',
      })
    const inNotes = async () =>
      (await call(core, 'search.query', { query: 'Werftarbeiter' })).inNotes
    expect((await inNotes())?.hits.map((h) => h.title).sort()).toEqual([
      'Streik im Hafen von Kiel',
      'Werften an der Küste',
    ])
    await call(core, 'article.delete', { id: a })
    expect((await inNotes())?.hits.map((h) => h.title)).toEqual(['Werften an der Küste'])
    core.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Volle Auftragsbücher', b)
    expect((await inNotes())?.hits.map((h) => h.title)).toEqual(['Volle Auftragsbücher'])
    // another process on the same library changes the title, and then searches there too
    const other = testCore({ libraryPath: core.db.name })
    other.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Werften im Aufwind', b)
    expect((await inNotes())?.hits.map((h) => h.title)).toEqual(['Werften im Aufwind'])
    other.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Werften im Sturm', b)
    await call(other, 'search.query', { query: 'Werften' })
    expect((await inNotes())?.hits.map((h) => h.title)).toEqual(['Werften im Sturm'])
  })
})
