/** What the index writer holds between reading the journal and writing a segment. */
import type { Field } from './types'

export interface AddedDoc {
  docNo: number
  articleId: number
  len: Record<Field, number>
  published: number
}

export interface StoredArticle {
  title: string
  kicker: string | null
  published: string | null
}

/** What has been analysed but not yet written. */
export interface Batch {
  added: Map<number, AddedDoc>
  removed: number[]
  /** The last journal row the batch covers. */
  journalUpTo: number
  postings: number
  nextDoc: number
}
