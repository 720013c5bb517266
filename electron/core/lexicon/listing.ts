/**
 * The glossary page's view of the lexicon: entries filtered by text and source, and the
 * glossary as CSV for spreadsheet programs.
 */
import type { LexiconEntry, LexiconSource } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { ENTRY_COLUMNS, lexiconKey } from './store'

/** The glossary page: entries filtered by text and source, paged. */
export function listEntries(
  db: Db,
  opts: {
    filter: string
    source: LexiconSource | 'glossary' | 'all'
    offset: number
    limit: number
  },
): { entries: LexiconEntry[]; total: number } {
  const where: string[] = []
  const args: unknown[] = []
  if (opts.source === 'glossary') where.push("source IN ('user', 'builtin')")
  else if (opts.source !== 'all') {
    where.push('source = ?')
    args.push(opts.source)
  }
  // the filter matches anywhere in the headword ("sanktion" finds Wirtschaftssanktion) or the
  // gloss; headwords that start with it come first
  let prefixFirst = ''
  const order: unknown[] = []
  if (opts.filter.trim()) {
    const k = lexiconKey(opts.filter)
    const like = (v: string) => `%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push("(key LIKE ? ESCAPE '\\' OR gloss LIKE ? ESCAPE '\\')")
    args.push(like(k), like(opts.filter.trim()))
    prefixFirst = 'NOT (key >= ? AND key < ? || char(1114111)), '
    order.push(k, k)
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = db
    .prepare(`SELECT count(*) FROM lexicon_entries ${sql}`)
    .pluck()
    .get(...args) as number
  const rows = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS} FROM lexicon_entries ${sql} ORDER BY CASE source WHEN 'user' THEN 0 WHEN 'builtin' THEN 1 ELSE 2 END, ${prefixFirst}key LIMIT ? OFFSET ?`,
    )
    .all(...args, ...order, opts.limit, opts.offset) as Omit<LexiconEntry, 'forms'>[]
  const forms = stmt(db, 'SELECT key FROM lexicon_forms WHERE entry_id = ? ORDER BY key').pluck()
  return { entries: rows.map((r) => ({ ...r, forms: forms.all(r.id) as string[] })), total }
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  // a leading = + - @ would be a formula in spreadsheet programs: quote it as text
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The CSV's column headers in the UI's language (the values stay codes: noun, m, user). */
const CSV_HEADERS = {
  en: [
    'lemma',
    'pos',
    'gender',
    'plural',
    'genitive',
    'gloss',
    'explanation',
    'domain',
    'source',
    'forms',
  ],
  de: [
    'Stichwort',
    'Wortart',
    'Genus',
    'Plural',
    'Genitiv',
    'Bedeutung (Englisch)',
    'Erklärung',
    'Sachgebiet',
    'Quelle',
    'Formen',
  ],
} as const

/** The glossary as CSV (UTF-8 with a byte-order mark, for spreadsheet programs). */
export function exportCsv(
  db: Db,
  source: LexiconSource | 'glossary' | 'all',
  language: 'de' | 'en' = 'en',
): string {
  const lines = [CSV_HEADERS[language].map(csvCell).join(',')]
  const where =
    source === 'glossary'
      ? "WHERE source IN ('user', 'builtin')"
      : source === 'all'
        ? ''
        : 'WHERE source = ?'
  const rows = db
    .prepare(
      `SELECT e.lemma, e.pos, e.gender, e.plural, e.genitive, e.gloss, e.explanation, e.domain, e.source,
        (SELECT group_concat(key, ' | ') FROM lexicon_forms f WHERE f.entry_id = e.id) AS forms
       FROM lexicon_entries e ${where} ORDER BY e.key`,
    )
    .raw()
    .iterate(...(source === 'glossary' || source === 'all' ? [] : [source])) as IterableIterator<
    unknown[]
  >
  for (const r of rows) lines.push(r.map(csvCell).join(','))
  return `\ufeff${lines.join('\r\n')}\r\n`
}
