/**
 * The sample library: which articles a first start loaded (so the list can label them), and
 * removing them in one step. Their ids are kept in the settings; a library whose sample was
 * loaded before the ids were kept is recognised once by where its files came from.
 */
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { getSetting, setSetting } from './articles'

const SAMPLE_IDS = 'sample.ids'
const SAMPLE_FILE = /[\\/]sample[\\/]\d\d-[^\\/]+\.md$/

/** Records the articles a first start loaded as the sample library. */
export function rememberSampleIds(db: Db, ids: number[]): void {
  setSetting(db, SAMPLE_IDS, JSON.stringify(ids))
}

/** The sample library's articles that are still in the library. */
export function sampleIds(db: Db): Set<number> {
  let saved = getSetting(db, SAMPLE_IDS)
  if (saved === null && getSetting(db, 'sample.loaded') !== null) {
    const rows = stmt(
      db,
      "SELECT id, source_name AS name FROM articles WHERE source_kind = 'md' AND source_name LIKE '%sample%'",
    ).all() as { id: number; name: string | null }[]
    saved = JSON.stringify(rows.filter((r) => r.name && SAMPLE_FILE.test(r.name)).map((r) => r.id))
    setSetting(db, SAMPLE_IDS, saved)
  }
  const ids = saved ? (JSON.parse(saved) as number[]) : []
  if (ids.length === 0) return new Set()
  const present = stmt(
    db,
    'SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as { id: number }[]
  return new Set(present.map((r) => r.id))
}
