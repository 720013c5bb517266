/** Files are stored many to a transaction; one that cannot be stored fails alone. */
import { describe, expect, it } from 'vitest'
import { call, testCore } from '../helpers/core'

const article = (title: string, n: number) =>
  Buffer.from(
    `${title}\n\nDer Gemeinderat hat am Montag über die neue Buslinie ${n} beraten und sie mit großer Mehrheit beschlossen. Sie soll ab dem Sommer fahren.\n`,
  ).toString('base64')

describe('storing a batch of files', () => {
  it('stores the others when one file cannot be stored, and says why', async () => {
    const core = testCore()
    core.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.title = 'Linie 2 kommt'
      BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`)
    const r = await call(core, 'import.files', {
      files: [
        { name: 'a.txt', data: article('Linie 1 kommt', 1) },
        { name: 'b.txt', data: article('Linie 2 kommt', 2) },
        { name: 'c.txt', data: article('Linie 3 kommt', 3) },
      ],
    })
    expect(r.results.map((x) => [x.source, x.id !== null, x.error?.message ?? null])).toEqual([
      ['a.txt', true, null],
      [
        'b.txt',
        false,
        'The article could not be stored in the library; the details are in the log.',
      ],
      ['c.txt', true, null],
    ])
    const list = await call(core, 'library.list', {})
    expect(list.map((a) => a.title).sort()).toEqual(['Linie 1 kommt', 'Linie 3 kommt'])
  })
})
