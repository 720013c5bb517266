/**
 * Parallel reading, each figure beside a baseline measured in the same run:
 * - pair precision/recall on our own story (and the held-out one) vs plain TF-IDF cosine with
 *   the same threshold;
 * - bead F1 on our own translation vs the length model alone (built-in glossary; with
 *   `--dict`, also with a Ding dictionary);
 * - aligning five ~1,000-word articles (vs the TF-IDF aligner), opening a three-column story
 *   (vs reading the three articles);
 * - import throughput with and without story signatures (fresh processes), the suggestion
 *   batch and similar-article lookups at each `--scale`;
 * - with `--seeds DIR`: whether the suggestions group the five real reports of one event (read
 *   from the given folder; nothing of them is stored) and how long aligning them takes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiResults, MethodName } from '../shared/contract'
import { createCore, type Core } from '../electron/core'
import { glossTranslator, sourceSide, targetSide } from '../electron/core/align/bilingual'
import { alignAcross, alignTfIdf, PAIR_THRESHOLD } from '../electron/core/align/cross'
import { sentencesOfBody } from '../electron/core/align/sentences'
import { alignTranslation } from '../electron/core/align/translation'
import { tokenize } from '../electron/core/search/analyzer'
import {
  beadKey,
  expectedOnly,
  expectedPairs,
  loadStory,
  loadTranslation,
  markdown,
  pairKey,
  precisionRecall,
} from '../tests/fixtures/parallel/gold'
import { loadCorpus, type BenchArticle } from './corpus'
import { importAtScale, seedsCheck } from './parallel-scale'

export interface ParallelOptions {
  corpus?: string
  scales: number[]
  dict?: string
  seeds?: string
}

const here = import.meta.dirname

/** Calls a method; a failed call stops the benchmark. */
async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: unknown,
): Promise<ApiResults[M]> {
  const r = await core.invoke(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as ApiResults[M]
}
const r3 = (x: number) => Math.round(x * 1000) / 1000
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function storyQuality(name: string) {
  const story = loadStory(name)
  const inputs = story.articles.map((a, i) => ({
    id: i + 1,
    sentences: a.sentences.map((s) => s.text),
  }))
  const gold = expectedPairs(story)
  const measure = (r: ReturnType<typeof alignAcross>) => {
    const found = new Set(
      r.pairs.map((p) => pairKey([p.a.id - 1, p.a.sentence], [p.b.id - 1, p.b.sentence])),
    )
    const pairs = precisionRecall(found, gold)
    const only = precisionRecall(
      new Set(r.only.map((o) => `${o.id - 1}:${o.sentence}`)),
      expectedOnly(story),
    )
    return {
      precision: r3(pairs.precision),
      recall: r3(pairs.recall),
      f1: r3(pairs.f1),
      pairs: `${pairs.found}/${pairs.expected}`,
      onlyPrecision: r3(only.precision),
      onlyRecall: r3(only.recall),
    }
  }
  return {
    lesesaal: measure(alignAcross(inputs)),
    tfidf: measure(alignTfIdf(inputs, PAIR_THRESHOLD)),
  }
}

async function glossesFor(core: Core, sentences: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const s of sentences)
    for (const t of tokenize(s)) {
      const w = s.slice(t.start, t.end)
      if (t.stop || out.has(w)) continue
      const info = await core.lexicon.lookup(w, false)
      const g = [info.gloss, ...info.more.map((m) => m.gloss)].filter((x): x is string => !!x)
      if (!info.found && info.parts.length > 1)
        for (const p of [info.parts[0]!, info.parts.at(-1)!]) {
          const x = await core.lexicon.lookup(p, false)
          if (x.gloss) g.push(x.gloss)
        }
      out.set(w, g)
    }
  return out
}

async function translationQuality(dict: string | undefined) {
  const fx = loadTranslation()
  const de = fx.de.flat()
  const en = fx.en.flat()
  const want = new Set(fx.beads.map(([s, t]) => beadKey(s, t)))
  const f1 = (beads: { source: number[]; translation: number[] }[], expected = want) =>
    r3(precisionRecall(new Set(beads.map((b) => beadKey(b.source, b.translation))), expected).f1)
  // a translation of the first three paragraphs only: its beads, and the rest left out
  const part = fx.en.slice(0, 3).flat()
  const partBeads = fx.beads.filter(([, t]) => t.length > 0 && t.every((i) => i < part.length))
  const lastPaired = Math.max(...partBeads.flatMap(([s]) => s))
  const wantPart = new Set([
    ...partBeads.map(([s, t]) => beadKey(s, t)),
    ...de
      .map((_, i) => i)
      .filter((i) => i > lastPaired)
      .map((i) => beadKey([i], [])),
  ])
  const run = async (core: Core) => {
    const glosses = await glossesFor(core, de)
    const source = sourceSide(
      de,
      glossTranslator((w) => glosses.get(w) ?? []),
    )
    const t = performance.now()
    const beads = alignTranslation(source, targetSide(en))
    const ms = r3(performance.now() - t)
    return { f1: f1(beads), ms, part: f1(alignTranslation(source, targetSide(part)), wantPart) }
  }
  const noWords = sourceSide(de, () => new Set())
  const lengthOnly = f1(alignTranslation(noWords, targetSide(en)))
  const lengthOnlyPart = f1(alignTranslation(noWords, targetSide(part)), wantPart)
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-tr-'))
  try {
    const core = createCore({
      libraryPath: join(work, 'g.sqlite'),
      resourcesPath: join(here, '../resources'),
      canImportPaths: true,
    })
    await core.ensureGlossary()
    const glossary = await run(core)
    let ding: { f1: number; ms: number; part: number } | null = null
    if (dict) {
      await call(core, 'dict.import', { path: dict, name: 'Ding' })
      core.lexicon.invalidate()
      ding = await run(core)
    }
    core.close()
    return { lengthOnly, lengthOnlyPart, glossary, ding, expectedBeads: want.size }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Five articles of about 1,000 words: corpus articles joined until each has 1,000 words. */
function fiveLongArticles(corpus: BenchArticle[]): string[][] {
  const out: string[][] = []
  let i = 0
  while (out.length < 5 && i < corpus.length) {
    const paragraphs: string[] = []
    let words = 0
    while (words < 1000 && i < corpus.length) {
      for (const p of corpus[i]!.paragraphs) {
        paragraphs.push(p)
        words += p.split(/\s+/).length
      }
      i++
    }
    out.push(paragraphs)
  }
  return out
}

function alignTiming(corpus: BenchArticle[]) {
  const articles = fiveLongArticles(corpus)
  const inputs = articles.map((paragraphs, i) => ({
    id: i + 1,
    sentences: sentencesOfBody(paragraphs).map((s) => s.text),
  }))
  const words = articles.map((p) => p.join(' ').split(/\s+/).length)
  const ours: number[] = []
  const tfidf: number[] = []
  const segment: number[] = []
  const oursCpu: number[] = []
  const cpuMs = () => {
    const c = process.cpuUsage()
    return (c.user + c.system) / 1000
  }
  for (let k = 0; k < 12; k++) {
    let t = performance.now()
    for (const p of articles) sentencesOfBody(p)
    segment.push(performance.now() - t)
    t = performance.now()
    const c = cpuMs()
    alignAcross(inputs)
    oursCpu.push(cpuMs() - c)
    ours.push(performance.now() - t)
    t = performance.now()
    alignTfIdf(inputs)
    tfidf.push(performance.now() - t)
  }
  return {
    words,
    sentences: inputs.map((x) => x.sentences.length),
    alignP50Ms: r3(p50(ours.slice(2))),
    alignMinMs: r3(Math.min(...ours.slice(2))),
    alignCpuP50Ms: r3(p50(oursCpu.slice(2))),
    tfidfP50Ms: r3(p50(tfidf.slice(2))),
    segmentP50Ms: r3(p50(segment.slice(2))),
  }
}

/** Opening a three-column story: `align.story` from cold (segmenting, aligning, caching) and cached. */
async function openStoryTiming(corpus: BenchArticle[] | null) {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-open-'))
  try {
    const core = createCore({
      libraryPath: join(work, 'o.sqlite'),
      resourcesPath: join(here, '../resources'),
    })
    const story = loadStory('story-nordlicht')
    const sources = corpus
      ? fiveLongArticles(corpus)
          .slice(0, 3)
          .map((paragraphs, i) => ({
            title: `Artikel ${i + 1}`,
            outlet: `Medium ${i + 1}`,
            published: '2025-10-07',
            paragraphs,
          }))
      : story.articles
    const report = await call(core, 'import.files', {
      files: sources.map((a, i) => ({
        name: `${i}.md`,
        data: Buffer.from(markdown(a)).toString('base64'),
      })),
    })
    const ids = report.results.map((r) => r.id!)
    const created = await call(core, 'story.create', { title: 'Bench', articles: ids })
    const cold: number[] = []
    const warm: number[] = []
    const read: number[] = []
    for (let k = 0; k < 12; k++) {
      core.db.exec('DELETE FROM story_alignments; DELETE FROM article_sentences')
      let t = performance.now()
      await core.invoke('align.story', { id: created.id })
      cold.push(performance.now() - t)
      t = performance.now()
      await core.invoke('align.story', { id: created.id })
      warm.push(performance.now() - t)
      t = performance.now()
      for (const id of ids) await core.invoke('article.get', { id })
      read.push(performance.now() - t)
    }
    core.close()
    return {
      words: sources.map((s) => s.paragraphs.join(' ').split(/\s+/).length),
      coldP50Ms: r3(p50(cold.slice(2))),
      cachedP50Ms: r3(p50(warm.slice(2))),
      readThreeP50Ms: r3(p50(read.slice(2))),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function runParallelBench(
  opts: ParallelOptions,
): Promise<{ table: string; figures: unknown }> {
  const corpus = opts.corpus ? loadCorpus(opts.corpus) : null
  console.error('== parallel reading: quality')
  const story = storyQuality('story-nordlicht')
  const heldOut = storyQuality('heldout-seilbahn')
  const translation = await translationQuality(opts.dict)
  console.error('== parallel reading: timing')
  const align = corpus ? alignTiming(corpus) : null
  const open = await openStoryTiming(corpus)
  const seeds = opts.seeds ? await seedsCheck(opts.seeds, corpus) : null
  const imports =
    corpus && opts.corpus
      ? opts.scales.map(
          (s) => (
            console.error(`== parallel reading: import ${s}`),
            importAtScale(opts.corpus!, s)
          ),
        )
      : []

  const q = (label: string, x: ReturnType<typeof storyQuality>) => [
    `| ${label} | Lesesaal | ${x.lesesaal.precision} | ${x.lesesaal.recall} | ${x.lesesaal.f1} | ${x.lesesaal.pairs} | ${x.lesesaal.onlyPrecision} / ${x.lesesaal.onlyRecall} |`,
    `| ${label} | TF-IDF cosine ≥ ${PAIR_THRESHOLD} | ${x.tfidf.precision} | ${x.tfidf.recall} | ${x.tfidf.f1} | ${x.tfidf.pairs} | ${x.tfidf.onlyPrecision} / ${x.tfidf.onlyRecall} |`,
  ]
  const lines = [
    '| story | aligner | pair precision | pair recall | F1 | found/expected | "only here" precision / recall |',
    '|---|---|---|---|---|---|---|',
    ...q('own (3 outlets)', story),
    ...q('held out (2 outlets)', heldOut),
    '',
    '| translation (18 + 18 sentences, 17 beads) | bead F1 | first 3 of 6 paragraphs translated, bead F1 | align ms |',
    '|---|---|---|---|',
    `| length model only (Gale–Church) | ${translation.lengthOnly} | ${translation.lengthOnlyPart} | – |`,
    `| + built-in glossary | ${translation.glossary.f1} | ${translation.glossary.part} | ${translation.glossary.ms} |`,
    ...(translation.ding
      ? [
          `| + Ding dictionary | ${translation.ding.f1} | ${translation.ding.part} | ${translation.ding.ms} |`,
        ]
      : []),
    '',
    '| timing | Lesesaal | baseline |',
    '|---|---|---|',
    ...(align
      ? [
          `| align five articles (${align.words.join(', ')} words), p50 ms (min; CPU p50) | ${align.alignP50Ms} (${align.alignMinMs}; ${align.alignCpuP50Ms}) | TF-IDF ${align.tfidfP50Ms} |`,
          `| segment the five, p50 ms | ${align.segmentP50Ms} | – |`,
        ]
      : []),
    `| open a three-column story (${open.words.join(', ')} words), first time, p50 ms | ${open.coldP50Ms} | read the 3 articles: ${open.readThreeP50Ms} |`,
    `| open it again (cached), p50 ms | ${open.cachedP50Ms} | read the 3 articles: ${open.readThreeP50Ms} |`,
    ...(seeds
      ? [
          `| seeds: ${seeds.groupedTogether} of ${seeds.seeds} in one suggestion (+${seeds.othersInThatGroup} others) among ${seeds.library} articles; suggest ms | ${seeds.suggestMs} | – |`,
          `| align the ${seeds.seeds} seeds (${seeds.sentences} sentences, ${seeds.pairs} pairs), p50 ms | ${seeds.alignP50Ms} | – |`,
        ]
      : []),
  ]
  if (imports.length) {
    lines.push(
      '',
      '| articles | import + index without stories, /s (per CPU s) | with the story journal, /s (per CPU s) | ratio (CPU) | signatures after the import, µs CPU per article | if computed inside the import, CPU ratio | suggestion batch s | groups | similar p50 ms |',
      '|---|---|---|---|---|---|---|---|---|',
    )
    for (const r of imports)
      lines.push(
        `| ${r.articles} | ${r.withoutPerSecond} (${r.withoutPerCpuSecond}) | ${r.withPerSecond} (${r.withPerCpuSecond}) | ${r.ratio} (${r.cpuRatio}) | ${r.signatureMicrosPerArticle} | ${r.inlineCpuRatio} | ${r.suggestSeconds} | ${r.groups} | ${r.similarP50Ms} |`,
      )
  }
  return {
    table: lines.join('\n'),
    figures: { story, heldOut, translation, align, open, seeds, imports },
  }
}
