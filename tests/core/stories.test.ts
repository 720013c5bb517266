/** Stories: create and change them, suggestions from our own story, wire copies and duplicates. */
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiEvents } from '../../shared/contract'
import { call, tempDir, testCore } from '../helpers/core'
import { germanArticle } from '../helpers/hostile'
import { importArticles, importStory } from '../helpers/parallel'
import { loadStory } from '../fixtures/parallel/gold'

const story = loadStory('story-nordlicht')

describe('stories', () => {
  it('filter the library list: only a story’s articles, in the list’s order', async () => {
    const core = testCore()
    const { articles } = await importStory(core, story)
    const all = await call(core, 'library.ids', { sort: 'title', order: 'asc' })
    expect(all.ids.length).toBeGreaterThan(2)
    const created = await call(core, 'story.create', {
      title: 'Havarie vor Fehmarn',
      articles: [articles[2]!, articles[0]!],
    })
    const only = await call(core, 'library.ids', {
      sort: 'title',
      order: 'asc',
      story: created.id,
      rows: 5,
    })
    expect(only.ids).toEqual(all.ids.filter((id) => id === articles[0] || id === articles[2]))
    expect(only.rows.map((r) => r.id)).toEqual(only.ids)
    await call(core, 'story.delete', { id: created.id })
    expect(
      (await call(core, 'library.ids', { sort: 'title', order: 'asc', story: created.id })).ids,
    ).toEqual([])
  })

  it('are created, renamed, changed and deleted; their articles stay in the library', async () => {
    const core = testCore()
    const { articles } = await importStory(core, story)
    const created = await call(core, 'story.create', {
      title: 'Havarie vor Fehmarn',
      articles: [articles[1]!, articles[0]!],
    })
    expect(created.title).toBe('Havarie vor Fehmarn')
    // the timeline: by publication date (the agency on the 7th, the regional paper on the 8th)
    expect(created.articles.map((a) => a.outlet)).toEqual(['Nordsee-Agentur', 'Ostholsteiner Bote'])
    const added = await call(core, 'story.addArticles', {
      id: created.id,
      articles: [articles[2]!],
    })
    expect(added.articleCount).toBe(3)
    expect(added.outlets).toEqual(['Nordblitz Online', 'Nordsee-Agentur', 'Ostholsteiner Bote'])
    expect(added.first).toBe('2025-10-07')
    expect(added.last).toBe('2025-10-08')
    const renamed = await call(core, 'story.rename', { id: created.id, title: 'Nordlicht' })
    expect(renamed.title).toBe('Nordlicht')
    const removed = await call(core, 'story.removeArticles', {
      id: created.id,
      articles: [articles[0]!],
    })
    expect(removed.articles.map((a) => a.id).sort()).toEqual([articles[1], articles[2]].sort())
    expect(await call(core, 'story.forArticle', { id: articles[1]! })).toHaveLength(1)
    expect(await call(core, 'story.list', {})).toHaveLength(1)
    expect(await call(core, 'story.delete', { id: created.id })).toEqual({ deleted: true })
    expect(await call(core, 'story.list', {})).toEqual([])
    expect((await call(core, 'library.list', {})).length).toBe(5)
  })

  it('refuses a missing story or article with one sentence', async () => {
    const core = testCore()
    const [id] = await importArticles(core, [story.unrelated!])
    const missingStory = await core.invoke('story.get', { id: 42 })
    expect(missingStory).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const missingArticle = await core.invoke('story.create', { title: 'X', articles: [id!, 999] })
    expect(missingArticle).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 999 in the library.' },
    })
    // nothing was created half-way
    expect(await call(core, 'story.list', {})).toEqual([])
    const badTitle = await core.invoke('story.create', { title: '  ', articles: [] })
    expect(badTitle).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('suggests our own story as one group and leaves the unrelated article out, without creating it', async () => {
    const core = testCore()
    const { articles, wireCopy, unrelated } = await importStory(core, story)
    const suggestions = await call(core, 'story.suggest', {})
    expect(suggestions).toHaveLength(1)
    const [s] = suggestions
    expect(s!.articles).toEqual([...articles, wireCopy!].sort((a, b) => a - b))
    expect(s!.articles).not.toContain(unrelated)
    expect(s!.score).toBeGreaterThan(0)
    expect(s!.title).toMatch(/Fehmarn/)
    // the wire copy is labelled within the suggestion
    expect(s!.relations).toEqual([
      { a: articles[0], b: wireCopy, kind: 'wire copy', similarity: expect.any(Number) },
    ])
    // a suggestion never changes the library
    expect(await call(core, 'story.list', {})).toEqual([])
    // accepting it (one click: create) makes it disappear from the suggestions
    await call(core, 'story.create', { title: s!.title, articles: s!.articles })
    expect(await call(core, 'story.suggest', {})).toEqual([])
  })

  it('suggests in the worker where there is one (the app), with the same result', async () => {
    const core = testCore({ libraryPath: join(tempDir(), 'lib.sqlite'), jobs: 'worker' })
    const { articles, wireCopy, unrelated } = await importStory(core, story)
    const kinds: string[] = []
    core.subscribe((event, payload) => {
      if (event === 'job.progress') kinds.push((payload as ApiEvents['job.progress']).kind)
    })
    const suggestions = await call(core, 'story.suggest', {})
    expect(kinds).toContain('story.suggest')
    expect(suggestions).toHaveLength(1)
    expect(suggestions[0]!.articles).toEqual([...articles, wireCopy!].sort((a, b) => a - b))
    expect(suggestions[0]!.articles).not.toContain(unrelated)
    expect(suggestions[0]!.relations).toEqual([
      { a: articles[0], b: wireCopy, kind: 'wire copy', similarity: expect.any(Number) },
    ])
    await call(core, 'story.create', {
      title: suggestions[0]!.title,
      articles: suggestions[0]!.articles,
    })
    expect(await call(core, 'story.suggest', {})).toEqual([])
    core.close()
  })

  it('gives way in the worker to an import queued meanwhile, and suggests after it', async () => {
    const core = testCore({ libraryPath: join(tempDir(), 'lib.sqlite'), jobs: 'worker' })
    const { articles, wireCopy } = await importStory(core, story)
    const finished: string[] = []
    const dir = tempDir()
    writeFileSync(join(dir, 'meldung.txt'), germanArticle(1))
    // the import is queued the moment the suggestions start running (before the worker has
    // their message: on a busy machine the worker could otherwise finish a batch this small
    // before a second call arrives, and there would be nothing to give way to)
    let imported: Promise<{ results: { id: number | null }[] }> | null = null
    core.subscribe((event, payload) => {
      if (event === 'job.finished') {
        const p = payload as ApiEvents['job.finished']
        finished.push(`${p.kind} ${p.outcome}`)
      }
      const p = payload as ApiEvents['job.progress']
      if (event === 'job.progress' && p.kind === 'story.suggest' && p.state === 'running')
        imported ??= core.jobs.run('import', { paths: [dir], nearDuplicates: 'skip' })
    })
    const suggested = call(core, 'story.suggest', {})
    await expect.poll(() => imported).not.toBeNull()
    expect((await imported!).results[0]!.id).not.toBeNull()
    const suggestions = await suggested
    expect(finished).toEqual(['story.suggest cancelled', 'import done', 'story.suggest done'])
    expect(suggestions.map((s) => s.articles)).toEqual([
      [...articles, wireCopy!].sort((a, b) => a - b),
    ])
    core.close()
  })

  it('forgets a dismissed suggestion', async () => {
    const core = testCore()
    await importStory(core, story)
    const [s] = await call(core, 'story.suggest', {})
    await call(core, 'story.dismiss', { articles: s!.articles })
    expect(await call(core, 'story.suggest', {})).toEqual([])
  })

  it('labels the agency text another outlet ran as a wire copy, the others as the same story', async () => {
    const core = testCore()
    const { articles, wireCopy, unrelated } = await importStory(core, story)
    const similar = await call(core, 'article.similar', { id: articles[0]! })
    expect(similar[0]).toMatchObject({
      id: wireCopy,
      kind: 'wire copy',
      outlet: 'Kieler Abendblatt',
    })
    // most of the shorter text is word for word the agency's ("87 % the same text")
    expect(similar[0]!.similarity).toBeGreaterThan(0.75)
    expect(similar[0]!.similarity).toBeLessThan(0.95)
    const sameStory = similar.filter((s) => s.kind === 'same story').map((s) => s.id)
    expect(sameStory.sort()).toEqual([articles[1], articles[2]].sort())
    expect(similar.map((s) => s.id)).not.toContain(unrelated)
    expect(await call(core, 'article.similar', { id: unrelated! })).toEqual([])
    // the story page says the same
    const created = await call(core, 'story.create', {
      title: 'T',
      articles: [...articles, wireCopy!],
    })
    expect(created.relations).toEqual([
      { a: articles[0], b: wireCopy, kind: 'wire copy', similarity: similar[0]!.similarity },
    ])
  })

  it('tells a duplicate with a changed word from a wire copy', async () => {
    const core = testCore()
    const agency = story.articles[0]!
    const copy = {
      ...agency,
      title: 'Frachter auf Grund',
      outlet: 'Ostsee-Echo',
      paragraphs: agency.paragraphs.map((p) =>
        p.replace('Nacht zu Dienstag', 'Nacht auf Dienstag'),
      ),
    }
    const [a, b] = await importArticles(core, [agency, copy])
    const [similar] = await call(core, 'article.similar', { id: a! })
    expect(similar).toMatchObject({ id: b, kind: 'duplicate' })
    expect(similar!.similarity).toBeGreaterThan(0.9)
  })

  it('computes an article’s signature again when its text changes', async () => {
    const core = testCore()
    const { articles, unrelated } = await importStory(core, story)
    expect((await call(core, 'article.similar', { id: unrelated! })).length).toBe(0)
    // the unrelated article's text replaced by the agency's (as a new version would)
    core.db.transaction(() => {
      core.db.prepare('DELETE FROM paragraphs WHERE article_id = ?').run(unrelated)
      story.articles[0]!.paragraphs.forEach((p, i) =>
        core.db
          .prepare('INSERT INTO paragraphs (article_id, position, kind, text) VALUES (?, ?, ?, ?)')
          .run(unrelated, i, 'p', p),
      )
    })()
    const similar = await call(core, 'article.similar', { id: unrelated! })
    expect(similar.find((s) => s.id === articles[0])).toMatchObject({ kind: 'duplicate' })
  })
})
