/**
 * `npm run bench -- [sections]`: every figure beside a peer measured in the same run.
 *
 *   --corpus PATH [--scale 2026,20000,100000]   search vs SQLite FTS5 (and, with the corpus,
 *                                                the glossary vs plain SQLite, unless skipped)
 *   --dict FILE                                  a Ding dictionary for the glossary, parallel
 *                                                and responsiveness sections
 *   --study [--study-scale N]                    study: tinting, next card, difficulty (corpus)
 *   --extraction DIR                             HTML extraction vs Readability alone
 *   --text-import CORPUS.jsonl                   plain-text import through the CLI
 *   --parallel [--seeds DIR]                     stories and alignment vs TF-IDF baselines
 *   --responsiveness [--files 5000]              the main process during heavy work
 *   --notes                                      re-anchoring, the notes overview, notes in search
 *   --ui [--ui-sizes 2000,100000]                the library list in Chromium, virtual vs every row
 *   --skip glossary,search                       leave sections out
 *   --out FILE                                   where the JSON goes (default bench/results/)
 *
 * Sections run one after the other, the import benchmarks first (in a process that holds
 * nothing yet); each prints its table and adds its figures to one JSON document.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadCorpus } from './corpus'
import { runGlossaryBench } from './glossary'
import { runImportBenches } from './imports'
import { runSearchBench } from './search'
import { runStudyBench } from './study'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    scale: { type: 'string', default: '' },
    dict: { type: 'string' },
    out: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    known: { type: 'string', default: '200' },
    skip: { type: 'string', default: '' },
    extraction: { type: 'string' },
    'text-import': { type: 'string' },
    study: { type: 'boolean', default: false },
    'study-scale': { type: 'string', default: '100000' },
    parallel: { type: 'boolean', default: false },
    seeds: { type: 'string' },
    responsiveness: { type: 'boolean', default: false },
    files: { type: 'string', default: '5000' },
    notes: { type: 'boolean', default: false },
    // the UI with a real archive (bench/ui.ts); needs no corpus
    ui: { type: 'boolean', default: false },
    'ui-sizes': { type: 'string', default: '2000,100000' },
    'ui-peer': { type: 'string' },
    'ui-peer-sizes': { type: 'string' },
    'ui-import': { type: 'string', default: '200' },
  },
})

const wanted =
  values.corpus ||
  values.extraction ||
  values['text-import'] ||
  values.parallel ||
  values.responsiveness ||
  values.notes ||
  values.ui
if (!wanted) {
  console.error(
    'usage: npm run bench -- [--corpus PATH [--scale N,N] [--study]] [--dict FILE] [--extraction DIR] [--text-import CORPUS.jsonl] [--parallel [--seeds DIR]] [--responsiveness [--files N]] [--notes] [--ui [--ui-sizes 2000,100000] [--ui-peer REV] [--ui-peer-sizes N] [--ui-import 200]] [--skip glossary,search] [--out FILE]',
  )
  process.exit(1)
}
const skip = new Set(values.skip.split(',').filter(Boolean))
const scales = values.scale ? values.scale.split(',').map(Number) : []
const figures: Record<string, unknown> = {}
const tables: string[] = []
const section = (name: string, r: { table: string; figures: unknown } | null) => {
  if (!r) return
  figures[name] = r.figures
  tables.push(r.table)
  console.log(`${r.table}\n`)
}

// the import benchmarks first, in a process that holds nothing else yet
if (values.extraction || values['text-import']) {
  figures.imports = await runImportBenches({
    extraction: values.extraction,
    textImport: values['text-import'],
  })
}
if (values.responsiveness) {
  const { runResponsivenessBench } = await import('./responsiveness')
  section(
    'responsiveness',
    await runResponsivenessBench({ dict: values.dict, files: Number(values.files) }),
  )
}
if (values.parallel) {
  const { runParallelBench } = await import('./parallel')
  section(
    'parallel',
    await runParallelBench({
      corpus: values.corpus,
      scales,
      dict: values.dict,
      seeds: values.seeds,
    }),
  )
}
if (values.ui) {
  const { runUiBench, DEFAULT_PEER } = await import('./ui')
  section(
    'ui',
    await runUiBench({
      sizes: values['ui-sizes'].split(',').map(Number),
      peer: values['ui-peer'] ?? DEFAULT_PEER,
      peerSizes: (values['ui-peer-sizes'] ?? values['ui-sizes']).split(',').map(Number),
      importFiles: Number(values['ui-import']),
    }),
  )
}
if (values.notes) {
  const { runNotesBench } = await import('./notes')
  section('notes', await runNotesBench(values.corpus ? loadCorpus(values.corpus) : null))
}
// with --parallel or --notes, the corpus is theirs; else it is the search and glossary
// sections' (and the study section's, with --study)
const corpusOwned = values.parallel || values.notes
if (values.corpus && (!corpusOwned || values.study)) {
  const base = loadCorpus(values.corpus)
  figures.corpus = values.corpus
  // the glossary first, while this process holds no scaled corpus (its garbage collection would
  // be measured too)
  if (!skip.has('glossary') && !corpusOwned)
    section('glossary', await runGlossaryBench(base, values.dict))
  if (values.study)
    section(
      'study',
      await runStudyBench(base, { dictionary: values.dict, scale: Number(values['study-scale']) }),
    )
  if (!skip.has('search') && !corpusOwned)
    section(
      'search',
      await runSearchBench({
        corpus: values.corpus,
        base,
        scales: scales.length ? scales : [base.length],
        repeat: Number(values.repeat),
        known: Number(values.known),
      }),
    )
}

const outFile =
  values.out ??
  join(
    import.meta.dirname,
    'results',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  )
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(
  outFile,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, ...figures }, null, 2),
)
console.error(`\nwritten: ${outFile}`)
