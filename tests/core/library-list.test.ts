/**
 * The library list at scale: ids in the list's order from memory (the same order as the SQL
 * list), rows a screenful at a time, several articles deleted at once, the sample library
 * labelled and removed in one step.
 */
import { describe, expect, it, vi } from 'vitest'
import { librarySorts } from '../../shared/types'
import { listIndexFor } from '../../electron/core/library/listIndex'
import { call, testCore } from '../helpers/core'
import { article, articleFile } from '../helpers/german'

const b64 = (s: string) => Buffer.from(s).toString('base64')

async function libraryOf(n: number) {
  const core = testCore()
  const files = Array.from({ length: n }, (_, i) => {
    let text = articleFile(article(i, 3))
    if (i % 7 === 0) text = text.replace(/^\d\d\.\d\d\.\d{4}$/m, '') // undated
    if (i % 5 === 0) text = text.replace(/^© .*$/m, '') // no outlet
    return { name: `a${i}.txt`, data: b64(text) }
  })
  await call(core, 'import.files', { files, nearDuplicates: 'import' })
  return core
}

describe('library.ids', () => {
  it('lists the same articles in the same order as library.list, for every sort and filter', async () => {
    const core = await libraryOf(60)
    const outlets = (await call(core, 'library.outlets', {})).map((o) => o.name)
    for (const sort of librarySorts) {
      for (const order of ['asc', 'desc'] as const) {
        for (const outlet of [null, outlets[0]!]) {
          const list = await call(core, 'library.list', { sort, order, outlet })
          const { ids, total } = await call(core, 'library.ids', { sort, order, outlet })
          expect(ids, `${sort} ${order} ${outlet}`).toEqual(list.map((a) => a.id))
          expect(total).toBe(60)
        }
      }
    }
  })

  it('gives the first rows with the ids, and any rows by id in the order asked', async () => {
    const core = await libraryOf(12)
    const { ids, rows } = await call(core, 'library.ids', { sort: 'title', order: 'asc', rows: 5 })
    const list = await call(core, 'library.list', { sort: 'title', order: 'asc' })
    expect(rows).toEqual(list.slice(0, 5))
    const some = [ids[7]!, ids[2]!, 9999, ids[4]!]
    const got = await call(core, 'library.rows', { ids: some })
    expect(got.map((r) => r.id)).toEqual([ids[7], ids[2], ids[4]])
  })

  it('follows imports and deletions without reading the library again', async () => {
    const core = await libraryOf(10)
    const before = await call(core, 'library.ids', { sort: 'imported', order: 'asc' })
    await call(core, 'import.text', { text: articleFile(article(500, 3)) })
    const after = await call(core, 'library.ids', { sort: 'imported', order: 'asc' })
    expect(after.ids.slice(0, 10)).toEqual(before.ids)
    expect(after.ids).toHaveLength(11)
    await call(core, 'article.delete', { id: before.ids[3]! })
    const deleted = await call(core, 'library.ids', { sort: 'imported', order: 'asc' })
    expect(deleted.ids).not.toContain(before.ids[3])
    expect(deleted.total).toBe(10)
  })

  it('keeps every cached order right through imports and deletions (merged, not re-sorted)', async () => {
    const core = await libraryOf(30)
    const all = async () => {
      for (const sort of librarySorts)
        for (const order of ['asc', 'desc'] as const) {
          const { ids } = await call(core, 'library.ids', { sort, order })
          const list = await call(core, 'library.list', { sort, order })
          expect(ids, `${sort} ${order}`).toEqual(list.map((a) => a.id))
        }
    }
    await all() // every order cached
    // from here on the columns are never read whole again: new rows are merged in
    const index = listIndexFor(core.db) as unknown as { read: (sql: string) => unknown }
    const read = vi.spyOn(index, 'read')
    const more = (from: number) =>
      Array.from({ length: 5 }, (_, i) => {
        let text = articleFile(article(from + i, 3))
        if (i === 2) text = text.replace(/^\d\d\.\d\d\.\d{4}$/m, '')
        if (i === 3) text = text.replace(/^© .*$/m, '')
        return { name: `m${from + i}.txt`, data: b64(text) }
      })
    await call(core, 'import.files', { files: more(100), nearDuplicates: 'import' })
    await all()
    await call(core, 'import.files', { files: more(200), nearDuplicates: 'import' })
    const { ids } = await call(core, 'library.ids', {})
    await call(core, 'articles.delete', { ids: [ids[0]!, ids[7]!, ids[20]!] })
    await call(core, 'article.delete', { id: ids[33]! })
    await all()
    expect(read.mock.calls.map(([sql]) => /WHERE a\.id > \?/.test(sql))).toEqual([true, true])
  })

  it('sees an edited title once told the library changed', async () => {
    const core = await libraryOf(3)
    const { ids } = await call(core, 'library.ids', { sort: 'title', order: 'asc' })
    core.db.prepare("UPDATE articles SET title = 'Aaaa' WHERE id = ?").run(ids[2])
    // what the core does for a 'library.changed' of reason 'update' or 'external'
    listIndexFor(core.db).invalidate()
    const after = await call(core, 'library.ids', { sort: 'title', order: 'asc' })
    expect(after.ids[0]).toBe(ids[2])
  })
})

describe('deleting several articles and the sample library', () => {
  it('deletes a selection in one call and forgets outlets without articles', async () => {
    const core = await libraryOf(8)
    const { ids } = await call(core, 'library.ids', {})
    const r = await call(core, 'articles.delete', { ids: ids.slice(0, 5) })
    expect(r.deleted).toBe(5)
    expect((await call(core, 'library.ids', {})).ids).toEqual(ids.slice(5))
    const names = (await call(core, 'library.list', {})).map((a) => a.outlet)
    expect((await call(core, 'library.outlets', {})).map((o) => o.name).sort()).toEqual(
      [...new Set(names.filter(Boolean))].sort(),
    )
    const found = await call(core, 'search.query', { query: 'Stadtrat' })
    for (const h of found.hits) expect(ids.slice(5)).toContain(h.id)
  })

  it('labels the sample articles and removes them in one step, keeping the user’s own', async () => {
    const core = testCore()
    expect(await core.ensureSampleLibrary()).toBe(4)
    const own = await call(core, 'import.text', { text: articleFile(article(1, 3)) })
    const listed = await call(core, 'library.ids', { rows: 10 })
    expect(listed.samples).toBe(4)
    expect(listed.rows.filter((r) => r.sample)).toHaveLength(4)
    expect(listed.rows.find((r) => r.id === own.id)!.sample).toBeUndefined()
    expect(await call(core, 'library.removeSample', {})).toEqual({ removed: 4 })
    const after = await call(core, 'library.ids', { rows: 10 })
    expect(after.ids).toEqual([own.id])
    expect(after.samples).toBe(0)
    // a later start does not bring the sample back
    expect(await core.ensureSampleLibrary()).toBe(0)
  })
})
