/** The plain-text import benchmark's peer: a plain SQLite + FTS5 import of a folder. */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { tempDir } from '../helpers/core'
import { ROOT } from '../helpers/fixtures'

it('stores each different file once and finds it by its words', () => {
  const root = tempDir()
  const dir = join(root, 'texte')
  mkdirSync(dir)
  const text = (n: number) =>
    `Fähre ${n} fällt aus\n\nDie Fähre nach Juist fährt wegen Niedrigwassers heute nur ${n} Mal.\n`
  writeFileSync(join(dir, 'a.txt'), text(1))
  writeFileSync(join(dir, 'b.txt'), text(2))
  writeFileSync(join(dir, 'c.txt'), text(1))
  const library = join(root, 'peer.sqlite')
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/fts-import-peer.mjs'), dir, library], {
    encoding: 'utf8',
  })
  expect(r.status).toBe(0)
  expect(JSON.parse(r.stdout)).toEqual({ stored: 2 })
  const db = new Database(library, { readonly: true })
  const titles = db
    .prepare("SELECT title FROM fts WHERE fts MATCH 'niedrigwassers' ORDER BY rowid")
    .pluck()
    .all()
  db.close()
  expect(titles).toEqual(['Fähre 1 fällt aus', 'Fähre 2 fällt aus'])
})
