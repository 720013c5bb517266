/** Glossary figures join the benchmark with the lexicon. */
export async function runGlossaryBench(): Promise<{ table: string; figures: unknown } | null> {
  return null
}
