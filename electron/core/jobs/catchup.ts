/**
 * Noticing writes by other connections before writing the search index. SQLite's
 * `data_version` changes when another connection (another thread's or process's) committed;
 * the index's in-memory state (documents, term ids, tombstones) is then read again, so a
 * writer never adds a term another writer already added, or misses a document.
 *
 * The `search` room's change watcher (issue 10.1) generalises this to every room; jobs call
 * it inside their write transactions, where it is exact: nobody else can commit then.
 */
import type { Db } from '../db/open'
import type { SearchIndex } from '../search'

const seen = new WeakMap<Db, number>()

/** Reloads the index's memory when another connection committed since the last call. */
export function catchUp(db: Db, search: SearchIndex): void {
  const version = db.pragma('data_version', { simple: true }) as number
  if (seen.get(db) !== version) search.reload()
  seen.set(db, version)
}
