/** What a query runs against: the index readers and the reusable tables, for one query. */
import type { Db } from '../db/open'
import type { DocTable } from './doctable'
import type { Scratch } from './scratch'
import type { TermReader } from './terms'
import type { ArticleTexts } from './texts'

export interface QueryContext {
  db: Db
  reader: TermReader
  /** The document table as loaded for this query. */
  docs: DocTable
  scratch: Scratch
  texts: ArticleTexts
}

/** A page to find: how many hits, from where. */
export interface Page {
  limit: number
  offset: number
}
