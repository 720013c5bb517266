/** A newer version of an article: notes and highlights kept, re-anchored, the change shown. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractFile, EXTRACTOR_VERSION } from '../../electron/core/import/pipeline'
import { loadParsers } from '../../electron/core/import/parsers'
import { updateArticleText } from '../../electron/core/versions/update'
import { articleText } from '../../shared/text'
import { call, testCore } from '../helpers/core'
import { SAMPLE } from '../helpers/fixtures'
import { importHafenstreik, NOTES_FIXTURES } from '../helpers/notes'

const V2 = join(NOTES_FIXTURES, 'hafenstreik-v2.md')

async function withHighlights() {
  const core = testCore()
  const id = await importHafenstreik(core)
  const add = (quote: string, more: Record<string, unknown> = {}) =>
    call(core, 'highlight.create', { article: id, quote, ...more })
  const h = {
    changedWord: await add('Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles'),
    shifted: await add('Rund 900 Beschäftigte der Umschlagbetriebe'),
    movedSentence: await add(
      'Die Reedereien leiten bereits erste Schiffe nach Lübeck und Rostock um.',
    ),
    deleted: await add('Das hätte Folgen für Tausende Reisende nach Skandinavien.', {
      note: 'Fährverkehr beobachten',
      tags: ['Fähren'],
    }),
    secondWord: await add('Sicherheit', { occurrence: 2 }),
    changedSentence: await add('Der Streik soll zunächst bis Donnerstag dauern.'),
  }
  return { core, id, h }
}

describe('a newer version of an article', () => {
  it('keeps the article, re-anchors every highlight and counts what changed', async () => {
    const { core, id, h } = await withHighlights()
    const r = await call(core, 'article.update', { id, path: V2 })
    expect(r).toEqual({
      id,
      version: 2,
      unchanged: false,
      changed: { added: 1, removed: 1, changed: 2 },
      highlights: { anchored: 2, moved: 3, orphan: 1 },
    })
    const a = await call(core, 'article.get', { id })
    const text = articleText(a.paragraphs)
    const now = new Map(
      (await call(core, 'notes.article', { id })).highlights.map((x) => [x.id, x]),
    )
    const at = (x: { id: number }) => {
      const n = now.get(x.id)!
      return {
        status: n.status,
        words: text.slice(n.start, n.end),
        quote: n.quote,
        before: n.quoteBefore,
      }
    }
    expect(at(h.changedWord)).toEqual({
      status: 'moved',
      words: 'Sie brauchen nur eine Zusage für ihre Sicherheit. Das ist alles',
      quote: 'Sie brauchen nur eine Zusage für ihre Sicherheit. Das ist alles',
      before: 'Sie brauchen nur eine Garantie für ihre Sicherheit. Das ist alles',
    })
    expect(at(h.shifted)).toMatchObject({
      status: 'anchored',
      words: 'Rund 900 Beschäftigte der Umschlagbetriebe',
      before: null,
    })
    expect(at(h.movedSentence)).toMatchObject({
      status: 'moved',
      words: 'Die Reedereien leiten bereits erste Schiffe nach Lübeck und Rostock um.',
    })
    expect(text.slice(now.get(h.secondWord.id)!.start, now.get(h.secondWord.id)!.start + 20)).toBe(
      'Sicherheit ist keine',
    )
    expect(at(h.changedSentence)).toMatchObject({
      status: 'moved',
      words: 'Der Streik soll nun bis Freitag dauern.',
    })
    // the deleted passage: an orphan, with its quote, note and tag, listed as such
    const orphan = now.get(h.deleted.id)!
    expect(orphan).toMatchObject({
      status: 'orphan',
      quote: 'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
      tags: ['Fähren'],
      note: { body: 'Fährverkehr beobachten' },
    })
    const orphans = await call(core, 'notes.list', { status: 'orphan' })
    expect(orphans.items.map((i) => i.id)).toEqual([h.deleted.id])
    // and the search index follows the new text
    expect((await call(core, 'search.query', { query: 'Freitag' })).hits.map((x) => x.id)).toEqual([
      id,
    ])
  })

  it('keeps the earlier text as a version that can be read and compared', async () => {
    const { core, id } = await withHighlights()
    const before = await call(core, 'article.get', { id })
    await call(core, 'article.update', { id, path: V2 })
    const versions = await call(core, 'article.versions', { id })
    expect(versions.map((v) => [v.version, v.current, v.reason])).toEqual([
      [2, true, null],
      [1, false, 'update'],
    ])
    expect(versions[0]!.changed).toEqual({ added: 1, removed: 1, changed: 2 })
    const v1 = await call(core, 'article.version', { id, version: 1 })
    expect(v1.paragraphs).toEqual(before.paragraphs)
    const changes = await call(core, 'article.changes', { id })
    const text = articleText((await call(core, 'article.get', { id })).paragraphs)
    expect(changes).toMatchObject({ from: 1, to: 2, counts: { added: 1, removed: 1, changed: 2 } })
    const byKind = (k: string) => changes.changes.filter((c) => c.kind === k)
    expect(byKind('added').map((c) => text.slice(c.start, c.end))).toEqual([
      'Aktualisiert am 4. Juni: Die Gewerkschaft hat ihre Forderungen präzisiert.',
    ])
    expect(byKind('removed').map((c) => c.text)).toEqual([
      'Das hätte Folgen für Tausende Reisende nach Skandinavien.',
    ])
    expect(byKind('changed').map((c) => [c.before, text.slice(c.start, c.end)])).toEqual([
      [
        'Sie brauchen nur eine Garantie für ihre Sicherheit.',
        'Sie brauchen nur eine Zusage für ihre Sicherheit.',
      ],
      [
        'Der Streik soll zunächst bis Donnerstag dauern.',
        'Der Streik soll nun bis Freitag dauern.',
      ],
    ])
    expect(byKind('moved').map((c) => c.text)).toEqual([
      'Die Reedereien leiten bereits erste Schiffe nach Lübeck und Rostock um.',
    ])
  })

  it('takes a newer version at import when the URL is the same, and an old one as a duplicate', async () => {
    const { core, id } = await withHighlights()
    const r = await call(core, 'import.paths', { paths: [V2] })
    expect(r.results[0]).toMatchObject({ id, duplicateOf: null, updated: { version: 2 } })
    expect(await call(core, 'library.list', {})).toHaveLength(1)
    const again = await call(core, 'import.paths', {
      paths: [join(NOTES_FIXTURES, 'hafenstreik-v1.md')],
    })
    expect(again.results[0]).toMatchObject({ id: null, duplicateOf: id })
    expect(await call(core, 'article.versions', { id })).toHaveLength(2)
  })

  it('reports an unchanged text and refuses a text that is another article', async () => {
    const core = testCore()
    await core.ensureSampleLibrary()
    const id = await importHafenstreik(core)
    const same = await call(core, 'article.update', {
      id,
      path: join(NOTES_FIXTURES, 'hafenstreik-v1.md'),
    })
    expect(same).toMatchObject({ version: 1, unchanged: true })
    const sample = readFileSync(join(SAMPLE, '01-hanse-kurier.md'))
    const r = await core.invoke('article.update', {
      id,
      file: { name: '01-hanse-kurier.md', data: sample.toString('base64') },
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/already in the library as article \d+/)
    const missing = await core.invoke('article.update', { id, path: '/nicht/da.md' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'io_error' } })
  })

  it('is the path re-extraction takes: the stored original, a version with reason reextract', async () => {
    const { core, id } = await withHighlights()
    await loadParsers()
    const x = extractFile(readFileSync(V2), 'hafenstreik-v2.md')
    const r = updateArticleText(core.db, id, x, {
      reason: 'reextract',
      extractorVersion: EXTRACTOR_VERSION,
    })
    expect(r.highlights).toEqual({ anchored: 2, moved: 3, orphan: 1 })
    const versions = await call(core, 'article.versions', { id })
    expect(versions[1]).toMatchObject({ version: 1, reason: 'reextract' })
  })
})
