/** Export that cites (Markdown, CSL-JSON, BibTeX) and the JSON round trip. */
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { parse as parseBibtex } from '@retorquere/bibtex-parser'
import { Ajv } from 'ajv'
import { marked } from 'marked'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { call, testCore } from '../helpers/core'
import { importHafenstreik, NOTES_FIXTURES } from '../helpers/notes'

const QUOTE = 'Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles'
const URL = 'https://kieler-abendpost.example/wirtschaft/hafenstreik-kiel'

async function annotated(core: Core = testCore()) {
  const id = await importHafenstreik(core)
  await call(core, 'highlight.create', {
    article: id,
    quote: QUOTE,
    note: 'Kernsatz. Siehe auch [Tarifvertrag](https://example.org/tarif).',
    tags: ['Sicherheitsgarantien'],
  })
  await call(core, 'highlight.create', {
    article: id,
    quote: 'Rund 900 Beschäftigte der Umschlagbetriebe',
    color: 'blue',
  })
  await call(core, 'note.save', {
    guid: 'article-note-export-1',
    target: { kind: 'article', id },
    body: 'Nachfragen: *Wie viele* Leiharbeiter?',
  })
  return { core, id }
}

const today = (lang: 'de' | 'en') => {
  const d = new Date()
  return lang === 'de'
    ? `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`
    : `${d.getDate()} ${d.toLocaleString('en-GB', { month: 'long' })} ${d.getFullYear()}`
}

describe('Markdown export', () => {
  it('cites every quote in German: author, title, outlet, date, URL, access date', async () => {
    const { core, id } = await annotated()
    const md = (await call(core, 'notes.export', { article: id, format: 'md', lang: 'de' })).content
    const cite = `— Ostermann, Jana: „Hafenstreik in Kiel: Gewerkschaft droht mit Ausweitung“. In: Kieler Abendpost, 03.06.2025. URL: ${URL} (abgerufen am ${today('de')}).`
    expect(md.split(cite).length - 1).toBe(3) // both quotes and the article note
    expect(md).toContain(`> ${QUOTE}\n\n${cite}`)
    expect(md).toContain('Kernsatz. Siehe auch [Tarifvertrag](https://example.org/tarif).')
    expect(md).toContain('Nachfragen: *Wie viele* Leiharbeiter?')
    expect(md).toMatch(/Schlagwörter: Sicherheitsgarantien · Farbe: gelb/)
    // rendered, the quote is a blockquote of exactly the words highlighted
    const html = await marked.parse(md)
    expect(html).toContain(`<blockquote>\n<p>${QUOTE}</p>\n</blockquote>`)
  })

  it('cites in English in the same way', async () => {
    const { core, id } = await annotated()
    const md = (await call(core, 'notes.export', { article: id, format: 'md', lang: 'en' })).content
    expect(md).toContain(
      `— Ostermann, Jana. “Hafenstreik in Kiel: Gewerkschaft droht mit Ausweitung.” Kieler Abendpost, 3 June 2025. ${URL} (accessed ${today('en')}).`,
    )
    expect(md).toMatch(/Tags: Sicherheitsgarantien · Colour: yellow/)
  })

  it('keeps an orphan in the export, marked as no longer in the text', async () => {
    const { core, id } = await annotated()
    await call(core, 'highlight.create', {
      article: id,
      quote: 'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
      note: 'Fähren',
    })
    await call(core, 'article.update', { id, path: join(NOTES_FIXTURES, 'hafenstreik-v2.md') })
    const md = (await call(core, 'notes.export', { article: id, format: 'md', lang: 'de' })).content
    expect(md).toContain('> Das hätte Folgen für Tausende Reisende nach Skandinavien.')
    expect(md).toContain('nicht mehr im aktuellen Text (Fassung 2)')
    expect(md).toContain('Markiert war: „Sie brauchen nur eine Garantie')
  })

  it('exports a story: its articles in date order and the notes on the story', async () => {
    const core = testCore()
    await core.ensureSampleLibrary()
    const { id } = await annotated(core)
    const sample = (await call(core, 'library.list', {})).find((a) => a.outlet === 'Tagesblick')!
    core.db.prepare("INSERT INTO stories (id, title, created_at) VALUES (3, 'Häfen', '2025')").run()
    for (const a of [id, sample.id])
      core.db.prepare('INSERT INTO story_articles VALUES (3, ?)').run(a)
    await call(core, 'note.save', {
      guid: 'story-note-export',
      target: { kind: 'story', id: 3 },
      body: 'Zwei Häfen, ein Thema.',
    })
    const r = await call(core, 'notes.export', { story: 3, format: 'md', lang: 'de' })
    expect(r.content).toMatch(/^# Notizen: Häfen/)
    expect(r.content).toContain('Zwei Häfen, ein Thema.')
    expect(r).toMatchObject({ articles: 2, highlights: 2 })
    expect(r.fileName).toMatch(/^lesesaal-notizen-story-3-\d{4}-\d{2}-\d{2}\.md$/)
  })
})

// The CSL-JSON schema's rules (citation-style-language/schema, csl-data.json) for the
// variables Lesesaal writes: item types, name and date variables, no unknown properties.
const nameVariable = {
  type: 'object',
  properties: {
    family: { type: 'string' },
    given: { type: 'string' },
    'dropping-particle': { type: 'string' },
    'non-dropping-particle': { type: 'string' },
    suffix: { type: 'string' },
    'comma-suffix': { type: ['string', 'number', 'boolean'] },
    'static-ordering': { type: ['string', 'number', 'boolean'] },
    literal: { type: 'string' },
    'parse-names': { type: ['string', 'number', 'boolean'] },
  },
  additionalProperties: false,
}
const dateVariable = {
  type: 'object',
  properties: {
    'date-parts': {
      type: 'array',
      items: {
        type: 'array',
        items: { type: ['string', 'number'] },
        minItems: 1,
        maxItems: 3,
      },
      minItems: 1,
      maxItems: 2,
    },
    season: { type: ['string', 'number'] },
    circa: { type: ['string', 'number', 'boolean'] },
    literal: { type: 'string' },
    raw: { type: 'string' },
  },
  additionalProperties: false,
}
const cslSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'type'],
    properties: {
      id: { type: ['string', 'number'] },
      type: {
        enum: ['article', 'article-journal', 'article-magazine', 'article-newspaper', 'webpage'],
      },
      title: { type: 'string' },
      'container-title': { type: 'string' },
      author: { type: 'array', items: nameVariable },
      issued: dateVariable,
      accessed: dateVariable,
      URL: { type: 'string' },
      language: { type: 'string' },
      source: { type: 'string' },
      version: { type: 'string' },
    },
    additionalProperties: false,
  },
}

describe('CSL-JSON and BibTeX', () => {
  it('writes CSL-JSON that the schema accepts and citeproc turns into a reference', async () => {
    const { core, id } = await annotated()
    const json = (await call(core, 'notes.export', { article: id, format: 'csl' })).content
    const items = JSON.parse(json)
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(cslSchema)
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true)
    expect(items[0]).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'Kieler Abendpost',
      author: [{ family: 'Ostermann', given: 'Jana' }],
      issued: { 'date-parts': [[2025, 6, 3]] },
      URL,
    })
    const reference = new Cite(items).format('bibliography', {
      format: 'text',
      template: 'apa',
      lang: 'en-US',
    }) as string
    expect(reference).toContain('Ostermann, J. (2025, June 3).')
    expect(reference).toContain('Kieler Abendpost')
    expect(reference).toContain(URL)
  })

  it('writes BibTeX that a BibTeX parser reads back field for field', async () => {
    const core = testCore()
    await core.ensureSampleLibrary()
    const { id } = await annotated(core)
    const sample = (await call(core, 'library.list', {})).find((a) => a.author === 'dpa')!
    await call(core, 'highlight.create', {
      article: sample.id,
      quote: 'Rostocker Erklärung',
      occurrence: 1,
    })
    const bib = (await call(core, 'notes.export', { format: 'bibtex' })).content
    const parsed = parseBibtex(bib)
    expect(parsed.errors).toEqual([])
    expect(parsed.entries).toHaveLength(2)
    const kiel = parsed.entries.find((e) => e.fields.journal === 'Kieler Abendpost')!
    expect(kiel.type).toBe('article')
    expect(kiel.fields).toMatchObject({
      title: 'Hafenstreik in Kiel: Gewerkschaft droht mit Ausweitung',
      author: [{ lastName: 'Ostermann', firstName: 'Jana' }],
      year: '2025',
      date: '2025-06-03',
      url: URL,
    })
    const agency = parsed.entries.find((e) => e !== kiel)!
    expect(agency.fields.author).toEqual([{ name: 'dpa' }])
    expect(id).toBeGreaterThan(0)
  })
})

describe('the JSON round trip', () => {
  it('imports back into the same library without a single duplicate', async () => {
    const { core } = await annotated()
    const json = (await call(core, 'notes.export', { format: 'json' })).content
    const r = await call(core, 'notes.import', { content: json })
    expect(r).toEqual({
      highlights: { added: 0, updated: 0, unchanged: 2, kept: 0 },
      notes: { added: 0, updated: 0, unchanged: 2, kept: 0 },
      skipped: [],
    })
    expect((await call(core, 'notes.list', {})).total).toBe(3)
  })

  it('restores everything in another library with the same article, and only once', async () => {
    const { core } = await annotated()
    const json = (await call(core, 'notes.export', { format: 'json' })).content
    const before = await call(core, 'notes.list', {})
    const other = testCore()
    await importHafenstreik(other)
    const r = await call(other, 'notes.import', { content: json })
    expect(r.highlights.added).toBe(2)
    expect(r.notes.added).toBe(2)
    const again = await call(other, 'notes.import', { content: json })
    expect(again.highlights).toEqual({ added: 0, updated: 0, unchanged: 2, kept: 0 })
    const after = await call(other, 'notes.list', {})
    const strip = (l: typeof before) =>
      l.items
        .map((i) => ({
          guid: i.guid,
          quote: i.quote,
          color: i.color,
          status: i.status,
          tags: i.tags,
          note: i.note && { guid: i.note.guid, body: i.note.body },
        }))
        .sort((a, b) => a.guid.localeCompare(b.guid))
    expect(strip(after)).toEqual(strip(before))
  })

  it('never loses a note text when the library and the file disagree', async () => {
    const { core, id } = await annotated()
    const old = (await call(core, 'notes.export', { format: 'json' })).content
    const note = (await call(core, 'notes.article', { id })).notes[0]!
    await new Promise((r) => setTimeout(r, 5))
    await call(core, 'note.save', {
      guid: note.guid,
      target: note.target,
      body: 'Nachfragen: Leiharbeiter und Subunternehmer.',
    })
    // the file's text is older: the library's stays, the file's goes to the history
    const r = await call(core, 'notes.import', { content: old })
    expect(r.notes.kept).toBe(1)
    expect((await call(core, 'notes.article', { id })).notes[0]!.body).toBe(
      'Nachfragen: Leiharbeiter und Subunternehmer.',
    )
    const history = core.db.prepare('SELECT body FROM note_history').pluck().all()
    expect(history).toEqual(['Nachfragen: *Wie viele* Leiharbeiter?'])
    // a newer file wins, and the library's text goes to the history
    const newer = JSON.parse(old)
    newer.notes[0].body = 'Aus dem Büro: Zahlen liegen vor.'
    newer.notes[0].updatedAt = new Date(Date.now() + 60_000).toISOString()
    expect(
      (await call(core, 'notes.import', { content: JSON.stringify(newer) })).notes.updated,
    ).toBe(1)
    expect((await call(core, 'notes.article', { id })).notes[0]!.body).toBe(
      'Aus dem Büro: Zahlen liegen vor.',
    )
    expect(core.db.prepare('SELECT body FROM note_history ORDER BY id').pluck().all()).toContain(
      'Nachfragen: Leiharbeiter und Subunternehmer.',
    )
  })

  it('says in one sentence what it cannot import, and why', async () => {
    const { core } = await annotated()
    const json = JSON.parse((await call(core, 'notes.export', { format: 'json' })).content)
    const empty = testCore()
    const r = await call(empty, 'notes.import', { content: JSON.stringify(json) })
    expect(r.skipped).toHaveLength(3)
    expect(r.skipped[0]!.reason).toBe(
      'The article "Hafenstreik in Kiel: Gewerkschaft droht mit Ausweitung" is not in this library.',
    )
    for (const [content, message] of [
      ['kein JSON', /not JSON/],
      ['{"format":"etwas anderes"}', /not a Lesesaal notes export \(at format\)/],
    ] as const) {
      const e = await empty.invoke('notes.import', { content })
      expect(e.ok).toBe(false)
      if (!e.ok) expect(e.error.message).toMatch(message)
    }
  })
})
