/** The lexicon follows what other processes write: forgotten lookups, reloaded word lists. */
import type { LibraryChanges } from '../db/changes'
import type { Db } from '../db/open'
import type { Lexicon } from './lookup'

/**
 * After another process wrote the library, remembered lookups are forgotten (a note or an
 * own term may have changed), and the word lists are reloaded only when entries or forms came
 * or went (reloading them costs about half a second).
 */
export function watchLexicon(db: Db, changes: LibraryChanges, lexicon: Lexicon): void {
  const shape = db
    .prepare(
      'SELECT (SELECT count(*) FROM lexicon_entries), (SELECT max(id) FROM lexicon_entries), (SELECT count(*) FROM lexicon_forms)',
    )
    .raw()
  let seen = JSON.stringify(shape.get())
  changes.subscribe(() => {
    const now = JSON.stringify(shape.get())
    if (now === seen) lexicon.forgetLookups()
    else lexicon.invalidate()
    seen = now
  })
}
