/**
 * The lexicon in SQL: the built-in glossary (loaded on first start and whenever the shipped
 * file changes), imported Ding dictionaries, the user's own terms, and notes.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { UserError } from '../../../shared/result'
import type { GlossaryEntryInput, LexiconEntry, LexiconSource } from '../../../shared/types'
import type { Db } from '../db/open'
import { stmt } from '../db/statements'
import { getSetting, setSetting } from '../library/articles'
import { saveLexiconNote } from '../notes/lexicon'
import { DING_READER, parseDingLine, type DingEntry } from './ding'
import { storeGlossCounts } from './senses'

/** The form a word is looked up by: NFC, lower case, single spaces. */
export function lexiconKey(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}

const glossarySchema = z.array(
  z.strictObject({
    lemma: z.string().min(1).max(200),
    pos: z.enum(['noun', 'verb', 'adj', 'adv', 'phrase', 'abbr']),
    gender: z.enum(['m', 'f', 'n', 'pl']).nullable(),
    plural: z.string().max(200).nullable(),
    genitive: z.string().max(200).nullable(),
    gloss: z.string().min(1).max(500),
    explanation: z.string().min(1).max(1000),
    domain: z.string().max(50),
    forms: z.array(z.string().min(1).max(200)),
  }),
)

const GLOSSARY_VERSION = 'glossary.version'

export interface EntryRow {
  key: string
  lemma: string
  pos: string
  gender: string | null
  plural: string | null
  genitive: string | null
  gloss: string
  explanation: string | null
  domain: string | null
  source: LexiconSource
  dictionary: number | null
  forms: string[]
  /** A dictionary headword's line's parts (see the migration 0080); 0 when not given. */
  parts?: number
}

/** Inserts entries and their forms with multi-row statements (fast enough for 450,000 entries). */
function insertEntries(
  db: Db,
  rows: EntryRow[],
  onRow?: (done: number) => void,
): { entries: number; forms: number } {
  const CHUNK = 60
  const now = new Date().toISOString()
  let forms = 0
  const nextId =
    ((stmt(db, 'SELECT coalesce(max(id), 0) FROM lexicon_entries').pluck().get() as number) ?? 0) +
    1
  const entryValues: unknown[] = []
  const formValues: unknown[] = []
  const flushEntries = (n: number) => {
    if (!n) return
    stmt(
      db,
      `INSERT INTO lexicon_entries (id, key, lemma, pos, gender, plural, genitive, gloss, explanation, domain, source, dictionary, updated_at, parts) VALUES ${Array(n).fill('(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
    ).run(entryValues)
    entryValues.length = 0
  }
  const flushForms = (n: number) => {
    if (!n) return
    stmt(
      db,
      `INSERT OR IGNORE INTO lexicon_forms (key, entry_id) VALUES ${Array(n).fill('(?,?)').join(',')}`,
    ).run(formValues)
    formValues.length = 0
  }
  let pendingEntries = 0
  let pendingForms = 0
  rows.forEach((r, i) => {
    const id = nextId + i
    entryValues.push(
      id,
      r.key,
      r.lemma,
      r.pos,
      r.gender,
      r.plural,
      r.genitive,
      r.gloss,
      r.explanation,
      r.domain,
      r.source,
      r.dictionary,
      now,
      r.parts ?? 0,
    )
    if (++pendingEntries === CHUNK) {
      flushEntries(CHUNK)
      pendingEntries = 0
      onRow?.(i + 1)
    }
    const keys = new Set<string>()
    for (const f of [r.plural, r.genitive, ...r.forms]) if (f) keys.add(lexiconKey(f))
    // "Sechsparteiengespräche" and "Sechs-Parteien-Gespräche" meet
    if (r.key.includes('-')) keys.add(r.key.replace(/-/g, ''))
    keys.delete(r.key)
    for (const k of keys) {
      formValues.push(k, id)
      forms++
      if (++pendingForms === CHUNK) {
        // the entries the forms point to go first (foreign keys)
        flushEntries(pendingEntries)
        pendingEntries = 0
        flushForms(CHUNK)
        pendingForms = 0
      }
    }
  })
  flushEntries(pendingEntries)
  flushForms(pendingForms)
  return { entries: rows.length, forms }
}

/**
 * Loads the built-in glossary on first start and whenever the shipped file differs from the
 * one loaded (an upgrade). Returns the number of entries loaded, 0 when already current.
 */
export async function loadBuiltinGlossary(db: Db, resourcesPath: string): Promise<number> {
  const path = join(resourcesPath, 'glossary', 'political.json')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return 0
  }
  const version = createHash('sha256').update(text).digest('hex').slice(0, 16)
  if (getSetting(db, GLOSSARY_VERSION) === version) return 0
  const parsed = glossarySchema.safeParse(JSON.parse(text))
  if (!parsed.success)
    throw new UserError(
      'invalid_input',
      `The built-in glossary is damaged: ${parsed.error.issues[0]?.message}`,
    )
  const rows: EntryRow[] = parsed.data.map((e) => ({
    key: lexiconKey(e.lemma),
    lemma: e.lemma,
    pos: e.pos,
    gender: e.gender,
    plural: e.plural,
    genitive: e.genitive,
    gloss: e.gloss,
    explanation: e.explanation,
    domain: e.domain,
    source: 'builtin',
    dictionary: null,
    forms: e.forms,
  }))
  db.transaction(() => {
    db.prepare("DELETE FROM lexicon_entries WHERE source = 'builtin'").run()
    insertEntries(db, rows)
    setSetting(db, GLOSSARY_VERSION, version)
  })()
  return rows.length
}

export interface DictionaryImport {
  name: string
  lines: number
  entries: number
  forms: number
  malformed: number
  /** Up to five malformed lines with their line number and reason. */
  examples: { line: number; reason: string }[]
  seconds: number
}

/** The setting that keeps which version of the reader read a dictionary (by its name). */
const readerSetting = (name: string) => `lexicon.dingReader:${name}`

/** Whether a dictionary was read by an older version of the Ding reader than this one. */
export function readByOlderReader(db: Db, name: string): boolean {
  return getSetting(db, readerSetting(name)) !== String(DING_READER)
}

/**
 * Imports a Ding dictionary (e.g. Debian's trans-de-en). An earlier import of the same name is
 * replaced. Malformed lines are counted and reported, never fatal.
 */
export function importDing(
  db: Db,
  text: string,
  name: string,
  path: string | null,
  onProgress?: (done: number, total: number) => void,
  signal?: { readonly aborted: boolean },
): DictionaryImport {
  const t0 = performance.now()
  const lines = text.split('\n')
  const examples: { line: number; reason: string }[] = []
  let malformed = 0
  const parsed: DingEntry[] = []
  // Progress runs over the whole import: parsing the lines, inserting the entries, building
  // the indexes (counted as a quarter of the entries). The import is one synchronous
  // transaction, so progress is reported from inside it, at most every 50 ms; the doors write
  // events out at once (browser mode's event stream, Electron IPC), so the bar moves.
  let total = lines.length
  let lastReport = 0
  const report = (done: number, force = false) => {
    const now = performance.now()
    if (!onProgress || (!force && now - lastReport < 50)) return
    lastReport = now
    onProgress(Math.min(done, total), total)
  }
  report(0, true)
  for (let i = 0; i < lines.length; i++) {
    const r = parseDingLine(lines[i]!)
    if (r.kind === 'entries') {
      for (const e of r.entries) parsed.push(e)
    } else if (r.kind === 'malformed') {
      malformed++
      if (examples.length < 5) examples.push({ line: i + 1, reason: r.reason })
    }
    if ((i & 1023) === 0) {
      if (signal?.aborted)
        throw new UserError(
          'cancelled',
          'The dictionary import was cancelled; nothing was changed.',
        )
      report(i)
    }
  }
  const indexWork = Math.ceil(parsed.length / 4)
  total = lines.length + parsed.length + indexWork
  report(lines.length, true)
  if (parsed.length === 0) {
    throw new UserError(
      'invalid_input',
      `No dictionary entries were found (${malformed} malformed lines). Is this a Ding file ("Deutsch :: English")?`,
    )
  }
  let counts = { entries: 0, forms: 0 }
  db.transaction(() => {
    db.prepare('DELETE FROM lexicon_dictionaries WHERE name = ?').run(name)
    const dictionary = Number(
      db
        .prepare(
          'INSERT INTO lexicon_dictionaries (name, path, imported_at, entries, forms, malformed) VALUES (?, ?, ?, 0, 0, ?)',
        )
        .run(name, path, new Date().toISOString(), malformed).lastInsertRowid,
    )
    // building the indexes once at the end is much faster than growing them row by row
    db.exec('DROP INDEX lexicon_entries_key; DROP INDEX lexicon_forms_entry')
    counts = insertEntries(
      db,
      parsed.map((e) => ({
        key: lexiconKey(e.lemma),
        lemma: e.lemma,
        pos: e.pos === 'prep' ? 'prep' : e.pos,
        gender: e.gender,
        plural: e.plural,
        genitive: null,
        gloss: e.gloss,
        explanation: null,
        domain: e.domain,
        source: 'dict',
        dictionary,
        forms: e.forms,
        parts: e.parts,
      })),
      (done) => report(lines.length + done),
    )
    report(lines.length + parsed.length, true)
    db.exec(
      'CREATE INDEX lexicon_entries_key ON lexicon_entries (key); CREATE INDEX lexicon_forms_entry ON lexicon_forms (entry_id)',
    )
    db.prepare('UPDATE lexicon_dictionaries SET entries = ?, forms = ? WHERE id = ?').run(
      counts.entries,
      counts.forms,
      dictionary,
    )
    setSetting(db, readerSetting(name), String(DING_READER))
    // the English words' counts that rank senses, from the glosses just read (the only
    // dictionary; with others, the first lookup counts them all)
    const others = db
      .prepare('SELECT count(*) FROM lexicon_dictionaries WHERE id <> ?')
      .pluck()
      .get(dictionary) as number
    if (others === 0) storeGlossCounts(db, glossesOf(parsed))
  })()
  report(total, true)
  return {
    name,
    lines: lines.length,
    ...counts,
    malformed,
    examples,
    seconds: (performance.now() - t0) / 1000,
  }
}

function* glossesOf(entries: DingEntry[]): Iterable<string> {
  for (const e of entries) yield e.gloss
}

export const ENTRY_COLUMNS =
  'id, lemma, pos, gender, plural, genitive, gloss, explanation, domain, source'

/** An entry with its forms, as the API shows it. */
export function readEntry(db: Db, id: number): LexiconEntry | null {
  const row = stmt(db, `SELECT ${ENTRY_COLUMNS} FROM lexicon_entries WHERE id = ?`).get(id) as
    Omit<LexiconEntry, 'forms'> | undefined
  if (!row) return null
  const forms = stmt(db, 'SELECT key FROM lexicon_forms WHERE entry_id = ? ORDER BY key')
    .pluck()
    .all(id) as string[]
  return { ...row, forms }
}

/** Entries whose lemma is `key`, or which have `key` as a form (at most 200). */
export function entriesFor(
  db: Db,
  key: string,
): { entry: Omit<LexiconEntry, 'forms'>; via: 'lemma' | 'form' }[] {
  // two index look-ups and fetches by id are faster here than one joined query
  const out: { entry: Omit<LexiconEntry, 'forms'>; via: 'lemma' | 'form' }[] = []
  for (const entry of stmt(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM lexicon_entries WHERE key = ? LIMIT 200`,
  ).all(key) as Omit<LexiconEntry, 'forms'>[])
    out.push({ entry, via: 'lemma' })
  const ids = stmt(db, 'SELECT entry_id FROM lexicon_forms WHERE key = ? LIMIT 200')
    .pluck()
    .all(key) as number[]
  const byId = stmt(db, `SELECT ${ENTRY_COLUMNS} FROM lexicon_entries WHERE id = ?`)
  for (const id of ids) {
    if (out.length >= 200) break
    out.push({ entry: byId.get(id) as Omit<LexiconEntry, 'forms'>, via: 'form' })
  }
  return out
}

/**
 * The entry of a two-part conjunction or phrase a word begins ("zwar …, aber …" for "zwar",
 * "weder … noch" for "weder"), the shortest one, or null.
 */
export function correlativeFor(db: Db, key: string): Omit<LexiconEntry, 'forms'> | null {
  const from = `${key} …`
  return (
    (stmt(
      db,
      `SELECT ${ENTRY_COLUMNS} FROM lexicon_entries WHERE key >= ? AND key < ?
       ORDER BY length(key), id LIMIT 1`,
    ).get(from, `${from}\uffff`) as Omit<LexiconEntry, 'forms'> | undefined) ?? null
  )
}

/** Adds or changes a user entry (user entries win over built-in and dictionary ones). */
export function saveUserEntry(db: Db, input: GlossaryEntryInput, id?: number): number {
  return db.transaction(() => {
    if (id !== undefined) {
      const source = stmt(db, 'SELECT source FROM lexicon_entries WHERE id = ?').pluck().get(id)
      if (source !== 'user') throw new UserError('not_found', `There is no own term ${id}.`)
      stmt(db, 'DELETE FROM lexicon_entries WHERE id = ?').run(id)
    }
    insertEntries(db, [
      {
        key: lexiconKey(input.lemma),
        lemma: input.lemma.trim(),
        pos: input.pos,
        gender: input.gender ?? null,
        plural: input.plural?.trim() || null,
        genitive: null,
        gloss: input.gloss.trim(),
        explanation: input.explanation?.trim() || null,
        domain: input.domain?.trim() || null,
        source: 'user',
        dictionary: null,
        forms: input.forms ?? [],
      },
    ])
    return stmt(db, 'SELECT max(id) FROM lexicon_entries').pluck().get() as number
  })()
}

export function deleteUserEntry(db: Db, id: number): boolean {
  return (
    stmt(db, "DELETE FROM lexicon_entries WHERE id = ? AND source = 'user'").run(id).changes > 0
  )
}

export function getNote(db: Db, key: string): string | null {
  return (
    (stmt(db, 'SELECT note FROM lexicon_notes WHERE key = ?').pluck().get(key) as
      string | undefined) ?? null
  )
}

/** Word notes live with all other notes (migration 50); `lexicon_notes` is a view of them. */
export function setNote(db: Db, key: string, note: string): void {
  saveLexiconNote(db, key, note)
}
