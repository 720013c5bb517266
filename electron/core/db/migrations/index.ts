import type { Database } from 'better-sqlite3'
import * as m0010 from './0010-initial'
import * as m0020 from './0020-search'
import * as m0030 from './0030-lexicon'
import * as m0040 from './0040-stories'
import * as m0050 from './0050-notes'
import * as m0060 from './0060-study'
import * as m0070 from './0070-furniture'
import * as m0080 from './0080-lexicon-parts'
import * as m0090 from './0090-study-keys'

export interface Migration {
  /** Numbered in gaps of 10; the library's `user_version` is the last one applied. */
  version: number
  name: string
  up: (db: Database) => void
}

/**
 * Every migration, in order. Append only: a shipped migration never changes.
 * 40 stories, sentences and alignment; 50 highlights, notes, tags and article versions; 60
 * study; 70 outlet templates (import); 80 the parts of a dictionary line (sense ranking); 90
 * saved words keyed by their verb.
 * Library health (backups) needed no tables.
 */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'initial', up: m0010.up },
  { version: 20, name: 'search', up: m0020.up },
  { version: 30, name: 'lexicon', up: m0030.up },
  { version: 40, name: 'stories', up: m0040.up },
  { version: 50, name: 'notes', up: m0050.up },
  { version: 60, name: 'study', up: m0060.up },
  { version: 70, name: 'furniture', up: m0070.up },
  { version: 80, name: 'lexicon-parts', up: m0080.up },
  { version: 90, name: 'study-keys', up: m0090.up },
]

export const LATEST_VERSION = migrations[migrations.length - 1]!.version
