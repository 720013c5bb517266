/**
 * The import benchmarks of `npm run bench`: HTML extraction beside Readability
 * (`--extraction DIR`) and plain-text import through the CLI (`--text-import CORPUS.jsonl`).
 */
import { runExtractionBench, type ExtractionFigures } from './extraction'
import { runTextImportBench, type TextImportFigures } from './text-import'

export interface ImportFigures {
  extraction: ExtractionFigures | null
  textImport: TextImportFigures | null
}

/** Runs whichever import benchmarks were asked for and prints their tables. */
export async function runImportBenches(opts: {
  extraction?: string
  textImport?: string
}): Promise<ImportFigures> {
  const figures: ImportFigures = { extraction: null, textImport: null }
  if (opts.extraction) {
    console.error(`\n== HTML extraction: ${opts.extraction}`)
    const { figures: x, table } = await runExtractionBench(opts.extraction)
    figures.extraction = x
    console.log(`${table}\n`)
  }
  if (opts.textImport) {
    console.error(`\n== plain-text import: ${opts.textImport}`)
    const { figures: x, table } = runTextImportBench(opts.textImport)
    figures.textImport = x
    console.log(`${table}\n`)
  }
  return figures
}
