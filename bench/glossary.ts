/**
 * Glossary figures, each beside its plain SQLite peer measured in the same run:
 * - importing a Ding dictionary (Lesesaal's parser, lemmas, forms and indexes) vs a plain
 *   parse-and-insert of the same lines (split at " :: ", one row per line, one index);
 * - looking up known inflected forms vs one indexed SELECT per form;
 * - splitting compounds with the full dictionary loaded;
 * - annotating a 2,000-word article (tokens, lemmas, compounds, glossary terms) vs tokenising
 *   it and doing one indexed SELECT per token.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCore } from '../electron/core'
import { importDing, lexiconKey } from '../electron/core/lexicon/store'
import { eachWord } from '../electron/core/search/analyzer'
import type { BenchArticle } from './corpus'

/** Compounds a reader of political news meets; none of them is a dictionary headword as such. */
const COMPOUNDS = [
  'Sicherheitsgarantien',
  'Atomwaffenprogramm',
  'Sechsparteiengespräche',
  'Vieraugengespräch',
  'Raketentestgelände',
  'Grenzkontrollpunkt',
  'Wirtschaftssanktionen',
  'Friedensverhandlungen',
  'Außenministertreffen',
  'Regierungssprecherin',
  'Verteidigungshaushalt',
  'Abrüstungsverhandlungen',
  'Gipfeltreffens',
  'Atomwaffenarsenal',
  'Waffenstillstandsabkommen',
  'Bundestagsabgeordnete',
  'Koalitionsvertrag',
  'Menschenrechtslage',
  'Flüchtlingsunterkunft',
  'Handelsbeschränkungen',
  'Wahlkampfauftritt',
  'Staatsbesuchs',
  'Oppositionsführer',
  'Kernkraftwerk',
  'Parlamentswahlen',
  'Grenzübergang',
  'Luftverteidigungssystem',
  'Sanktionsliste',
  'Haushaltsdefizit',
  'Nachbarländer',
]

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: at(0.5), p95: at(0.95) }
}

/** About 2,000 words of running text from the corpus (or the sample library without one). */
function articleText(corpus: BenchArticle[], offset: number): string {
  const out: string[] = []
  let words = 0
  for (let i = offset; words < 2000 && i < offset + corpus.length; i++) {
    const a = corpus[i % corpus.length]!
    for (const p of [a.title, ...a.paragraphs]) {
      out.push(p)
      words += p.split(/\s+/).length
      if (words >= 2000) break
    }
  }
  return out.join('\n')
}

const DEFAULT_DICTIONARY = '/usr/share/trans/de-en'

export async function runGlossaryBench(
  corpus: BenchArticle[],
  dictionary: string = DEFAULT_DICTIONARY,
): Promise<{ table: string; figures: Record<string, unknown> } | null> {
  if (!existsSync(dictionary)) {
    console.error(`   glossary: no dictionary at ${dictionary} (give one with --dict), skipped`)
    return null
  }
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-gloss-'))
  try {
    const text = readFileSync(dictionary, 'utf8')

    // the floor: split each line at " :: " and insert it, then index the German side
    const plain = new Database(join(work, 'plain.sqlite'))
    plain.pragma('journal_mode = WAL')
    plain.exec('CREATE TABLE dict (de TEXT NOT NULL, en TEXT NOT NULL)')
    let t = performance.now()
    const insert = plain.prepare('INSERT INTO dict (de, en) VALUES (?, ?)')
    plain.transaction(() => {
      for (const line of text.split('\n')) {
        const at = line.indexOf(' :: ')
        if (line.startsWith('#') || at < 0) continue
        for (const de of line.slice(0, at).split(' | '))
          insert.run(de.replace(/\s*[{[(].*$/, '').toLowerCase(), line.slice(at + 4))
      }
      plain.exec('CREATE INDEX dict_de ON dict (de)')
    })()
    const plainImportSeconds = (performance.now() - t) / 1000

    const core = createCore({ libraryPath: join(work, 'lesesaal.sqlite') })
    await core.ensureGlossary()
    t = performance.now()
    const imported = importDing(core.db, text, 'trans-de-en', dictionary)
    const importSeconds = (performance.now() - t) / 1000
    core.lexicon.invalidate()
    // the word list compound splits and annotation work from, loaded once per library
    t = performance.now()
    core.lexicon.splitCompound('Sicherheitsgarantien')
    const splitLoadMs = performance.now() - t
    core.lexicon.forgetLookups()

    // known inflected forms, each looked up once from cold
    const forms = core.db
      .prepare(
        "SELECT f.key FROM lexicon_forms f JOIN lexicon_entries e ON e.id = f.entry_id WHERE e.source = 'dict' AND f.key NOT LIKE '% %' AND e.id % 7 = 0 ORDER BY f.entry_id LIMIT 5000",
      )
      .pluck()
      .all() as string[]
    await core.lexicon.lookup('Haus', false) // prepares the statements
    const lookupUs: number[] = []
    for (const form of forms) {
      const s = performance.now()
      const info = await core.lexicon.lookup(form, false)
      lookupUs.push((performance.now() - s) * 1000)
      if (!info.found) throw new Error(`bench: a known form was not found: ${form}`)
    }
    const select = plain.prepare('SELECT en FROM dict WHERE de = ?')
    const plainUs: number[] = []
    for (const form of forms) {
      const s = performance.now()
      select.all(lexiconKey(form))
      plainUs.push((performance.now() - s) * 1000)
    }

    // compound splits, with the dictionary's word list loaded (above, once per library)
    const splitMs: number[] = []
    for (let round = 0; round < 5; round++)
      for (const word of COMPOUNDS) {
        const s = performance.now()
        const r = core.lexicon.splitCompound(word)
        splitMs.push(performance.now() - s)
        if (round === 0 && !r) console.error(`   glossary: no split for ${word}`)
      }

    // annotating 2,000-word articles, the lookup memory emptied before each one
    core.lexicon.annotate('Warmlaufen der Anmerkungen.')
    const annotateMs: number[] = []
    const plainAnnotateMs: number[] = []
    // 50 articles: with fewer, the p95 is only the slowest one
    const ARTICLES = 50
    let words = 0
    for (let k = 0; k < ARTICLES; k++) {
      const article = articleText(corpus, k * 37)
      core.lexicon.forgetLookups()
      let s = performance.now()
      const r = core.lexicon.annotate(article)
      annotateMs.push(performance.now() - s)
      words += r.words / ARTICLES
      s = performance.now()
      eachWord(article, (w) => void select.get(w.toLowerCase()))
      plainAnnotateMs.push(performance.now() - s)
    }
    // the same articles with the lemma memory of 300 others kept, as the app annotates once it
    // has read a while (each spelling in each kind of place is read once, then remembered)
    core.lexicon.forgetLookups()
    for (let k = 0; k < 300; k++) core.lexicon.annotate(articleText(corpus, k * 37 + 11))
    const warmAnnotateMs: number[] = []
    for (let k = 0; k < ARTICLES; k++) {
      const article = articleText(corpus, k * 37)
      const s = performance.now()
      core.lexicon.annotate(article)
      warmAnnotateMs.push(performance.now() - s)
    }
    core.close()
    plain.close()

    const figures = {
      dictionaryLines: imported.lines,
      entries: imported.entries,
      forms: imported.forms,
      malformed: imported.malformed,
      importSeconds: Number(importSeconds.toFixed(2)),
      plainImportSeconds: Number(plainImportSeconds.toFixed(2)),
      lookupUs: roundAll(stats(lookupUs)),
      plainLookupUs: roundAll(stats(plainUs)),
      splitLoadMs: Number(splitLoadMs.toFixed(1)),
      splitMs: roundAll(stats(splitMs), 3),
      annotateWords: Math.round(words),
      annotateMs: roundAll(stats(annotateMs)),
      plainAnnotateMs: roundAll(stats(plainAnnotateMs)),
      warmAnnotateMs: roundAll(stats(warmAnnotateMs)),
    }
    const row = (label: string, ours: string, peer: string) =>
      `| ${label.padEnd(44)} | ${ours.padStart(16)} | ${peer.padStart(22)} |`
    const table = [
      `Glossary (${imported.lines} dictionary lines, ${imported.entries} entries, ${imported.forms} forms)`,
      row('', 'Lesesaal', 'plain SQLite'),
      `|${'-'.repeat(46)}|${'-'.repeat(18)}|${'-'.repeat(24)}|`,
      row('Ding import (s)', importSeconds.toFixed(2), plainImportSeconds.toFixed(2)),
      row(
        'known-form lookup p50 / p95 (µs)',
        `${figures.lookupUs.p50} / ${figures.lookupUs.p95}`,
        `${figures.plainLookupUs.p50} / ${figures.plainLookupUs.p95}`,
      ),
      row('compound split p50 / p95 (ms)', `${figures.splitMs.p50} / ${figures.splitMs.p95}`, '–'),
      row('word list load, once (ms)', splitLoadMs.toFixed(0), '–'),
      row(
        `annotate 50 × ~${Math.round(words)} words p50 / p95 (ms)`,
        `${figures.annotateMs.p50} / ${figures.annotateMs.p95}`,
        `${figures.plainAnnotateMs.p50} / ${figures.plainAnnotateMs.p95}`,
      ),
      row(
        '  after 300 others, memory kept, p50 / p95 (ms)',
        `${figures.warmAnnotateMs.p50} / ${figures.warmAnnotateMs.p95}`,
        `${figures.plainAnnotateMs.p50} / ${figures.plainAnnotateMs.p95}`,
      ),
    ].join('\n')
    return { table, figures }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function roundAll<T extends Record<string, number>>(o: T, digits = 1): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v.toFixed(digits))])) as T
}
