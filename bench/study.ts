/**
 * Study figures, each beside a peer measured in the same run:
 * - tinting a ~2,000-word article with 5,000 saved lemmas (the core's lemma map with statuses,
 *   and the renderer's spans with their classes) vs the lexicon's annotation of the same text
 *   and the same spans without classes;
 * - the next review card among 15,000 cards vs one indexed SELECT of the earliest due card;
 * - building article profiles vs annotating the same articles;
 * - recomputing every article's unknown share after a status change at 100,000 articles (the
 *   scaled copies have the originals' profiles: shuffling sentences keeps every word), in
 *   bounded slices, with the longest time the event loop was held.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../electron/core'
import { importDing } from '../electron/core/lexicon/store'
import { recomputeShares, statusArray } from '../electron/core/study/difficulty'
import { LemmaNumbers } from '../electron/core/study/profile'
import { syncCards } from '../electron/core/study/cards'
import { saveWord } from '../electron/core/study/words'
import { rng, type BenchArticle } from './corpus'

const DEFAULT_DICTIONARY = '/usr/share/trans/de-en'
const SAVED = 5000
const TINT_ARTICLES = 30

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!
  const r = (n: number) => Number(n.toFixed(3))
  return { p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]!) }
}

/** CPU time of this process in ms (less disturbed than wall time on a shared machine). */
function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** About 2,000 words of running text from the corpus, as paragraphs. */
function longArticle(corpus: BenchArticle[], offset: number): string[] {
  const out: string[] = []
  let words = 0
  for (let i = offset; words < 2000; i++) {
    for (const p of corpus[i % corpus.length]!.paragraphs) {
      out.push(p)
      words += p.split(/\s+/).length
      if (words >= 2000) break
    }
  }
  return out
}

async function importTexts(core: Core, texts: { title: string; paragraphs: string[] }[]) {
  const ids: number[] = []
  for (let i = 0; i < texts.length; i += 200) {
    const files = texts.slice(i, i + 200).map((t, k) => ({
      name: `a${i + k}.md`,
      data: Buffer.from(`# ${t.title}\n\n${t.paragraphs.join('\n\n')}\n`).toString('base64'),
    }))
    const r = await core.handlers['import.files']({ files, nearDuplicates: 'import' })
    for (const x of r.results) if (x.id) ids.push(x.id)
  }
  return ids
}

export async function runStudyBench(
  corpus: BenchArticle[],
  options: { dictionary?: string; scale?: number } = {},
): Promise<{ table: string; figures: Record<string, unknown> } | null> {
  const dictionary = options.dictionary ?? DEFAULT_DICTIONARY
  if (!existsSync(dictionary)) {
    console.error(`   study: no dictionary at ${dictionary} (give one with --dict), skipped`)
    return null
  }
  const scale = options.scale ?? 100_000
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-study-'))
  try {
    const core = createCore({ libraryPath: join(work, 'study.sqlite') })
    await core.ensureGlossary()
    importDing(core.db, readFileSync(dictionary, 'utf8'), 'trans-de-en', dictionary)
    core.lexicon.invalidate()
    console.error('   study: dictionary imported')

    // the corpus's articles and 2,000-word ones for tinting
    const base = await importTexts(core, corpus)
    const long = await importTexts(
      core,
      Array.from({ length: TINT_ARTICLES }, (_, k) => ({
        title: `Lang ${k}`,
        paragraphs: longArticle(corpus, k * 53),
      })),
    )
    console.error(`   study: ${base.length} + ${long.length} articles imported`)

    // profiles: build them for the originals, beside annotating the same texts
    const texts = (id: number) => [
      core.db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id) as string,
      ...(core.db
        .prepare('SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position')
        .pluck()
        .all(id) as string[]),
    ]
    core.lexicon.splitCompound('Warmlaufen')
    core.lexicon.forgetLookups()
    let t = performance.now()
    for (const id of base) for (const x of texts(id)) core.lexicon.annotate(x)
    const annotatePerSecond = base.length / ((performance.now() - t) / 1000)
    core.lexicon.forgetLookups()
    t = performance.now()
    await core.study.runPass({ stale: false })
    const profiles = core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get() as number
    const profilePerSecond = profiles / ((performance.now() - t) / 1000)
    console.error(`   study: ${profiles} profiles built`)

    // 5,000 saved lemmas: the corpus's own (most of them), statuses spread over all levels
    const random = rng(7)
    const keys = core.db
      .prepare('SELECT key FROM study_lemmas ORDER BY articles DESC LIMIT ?')
      .pluck()
      .all(SAVED) as string[]
    const now = new Date()
    core.db.transaction(() => {
      for (const key of keys) {
        const id = saveWord(
          core.db,
          { key, lemma: key, pos: 'noun', gender: 'f', plural: null, gloss: 'gloss' },
          now,
        )
        core.db
          .prepare(
            `INSERT INTO study_sentences (word_id, form, form_start, text, created_at) VALUES (?, ?, 0, ?, ?)`,
          )
          .run(id, key, `${key} steht hier.`, now.toISOString())
        syncCards(core.db, id, now)
        core.db
          .prepare('UPDATE study_words SET status = ? WHERE id = ?')
          .run(1 + Math.floor(random() * 5), id)
      }
      // most cards answered once, due over the next weeks; some due now
      core.db
        .prepare(
          `UPDATE study_cards SET state = 2, reps = 1, stability = 5, difficulty = 5,
             last_review = @t - 86400000, due = @t + (abs(random()) % (86400000 * 30)) - 86400000 * 3`,
        )
        .run({ t: now.getTime() })
      core.study.statusesChanged()
    })()
    core.study.invalidate()
    const cards = core.db.prepare('SELECT count(*) FROM study_cards').pluck().get() as number

    // the first article after a start also loads the lemma numbers and the place names, once
    core.study.invalidate()
    core.lexicon.forgetLookups()
    t = performance.now()
    await core.invoke('study.articleWords', { id: long[long.length - 1]! })
    const firstArticleMs = performance.now() - t

    // tinting: the core's lemma map from cold vs the lexicon's annotation of the same text
    const annotateMs: number[] = []
    const tintMs: number[] = []
    const annotateCpu: number[] = []
    const tintCpu: number[] = []
    const payloads: unknown[] = []
    for (const [k, id] of long.entries()) {
      const paragraphs = texts(id)
      const peer = () => {
        core.lexicon.forgetLookups()
        const c = cpuMs()
        const s = performance.now()
        for (const p of paragraphs) core.lexicon.annotate(p)
        annotateMs.push(performance.now() - s)
        annotateCpu.push(cpuMs() - c)
      }
      const ours = async () => {
        core.lexicon.forgetLookups()
        core.study.forgetAnalyses()
        const c = cpuMs()
        const s = performance.now()
        const r = await core.handlers['study.articleWords']({ id })
        tintMs.push(performance.now() - s)
        tintCpu.push(cpuMs() - c)
        payloads.push({ paragraphs, words: r })
      }
      // in turns, so neither side always pays for the other's garbage
      if (k % 2) {
        peer()
        await ours()
      } else {
        await ours()
        peer()
      }
    }
    const overhead = tintMs.map((x, i) => x - annotateMs[i]!)
    const overheadCpu = tintCpu.map((x, i) => x - annotateCpu[i]!)

    // the renderer's side in a process of its own (it compiles the React components)
    const input = join(work, 'render.json')
    writeFileSync(input, JSON.stringify(payloads))
    const render = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'study-render.ts'), input],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            NODE_ENV: 'production',
            TSX_TSCONFIG_PATH: join(import.meta.dirname, '../tsconfig.web.json'),
          },
          maxBuffer: 1 << 26,
        },
      ),
    ) as { plainMs: number[]; tintedMs: number[] }
    const renderOverhead = render.tintedMs.map((x, i) => x - render.plainMs[i]!)

    // the next card: through the API, answering each one, vs one indexed SELECT
    const nextMs: number[] = []
    const nextCpu: number[] = []
    const plainMs: number[] = []
    const plain = core.db.prepare(
      'SELECT * FROM study_cards WHERE state > 0 AND due <= ? ORDER BY due LIMIT 1',
    )
    for (let i = 0; i < 200; i++) {
      const c = cpuMs()
      let s = performance.now()
      const r = await core.handlers['review.next']({})
      nextMs.push(performance.now() - s)
      nextCpu.push(cpuMs() - c)
      s = performance.now()
      plain.get(Date.now())
      plainMs.push(performance.now() - s)
      if (!r.card) break
      await core.handlers['review.answer']({ card: r.card.id, rating: 'good' })
    }

    // difficulty at scale: copies of the originals' profiles up to `scale` articles
    const have = core.db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    core.db.transaction(() => {
      const insertArticle = core.db.prepare(
        `INSERT INTO articles (title, words, content_hash, source_kind, raw, extractor_version, imported_at)
         VALUES ('Kopie', 0, ?, 'paste', x'', 1, '2026-01-01')`,
      )
      const copy = core.db.prepare(
        `INSERT INTO study_profiles (article_id, lexicon, words, skipped, lemmas)
         SELECT ?, lexicon, words, skipped, lemmas FROM study_profiles WHERE article_id = ?`,
      )
      const share = core.db.prepare(
        `INSERT INTO study_shares (article_id, unknown, counted, version)
         SELECT ?, unknown, counted, version FROM study_shares WHERE article_id = ?`,
      )
      for (let i = have; i < scale; i++) {
        const id = Number(insertArticle.run(`copy-${i}`).lastInsertRowid)
        copy.run(id, base[i % base.length]!)
        share.run(id, base[i % base.length]!)
      }
    })()
    core.db.exec('DELETE FROM search_journal')
    const numbers = new LemmaNumbers(core.db)
    const statuses = new Map(
      core.db.prepare('SELECT key, min(status) FROM study_words GROUP BY key').raw().all() as [
        string,
        number,
      ][],
    )
    statuses.set(keys[0]!, 5) // a status change
    const sliceWall: number[] = []
    const sliceCpu: number[] = []
    t = performance.now()
    const cpu = process.cpuUsage()
    await recomputeShares(core.db, statusArray(numbers, statuses), 1, {
      onSlice: (wall, cpu) => {
        sliceWall.push(wall)
        sliceCpu.push(cpu)
      },
    })
    const recomputeSeconds = (performance.now() - t) / 1000
    const used = process.cpuUsage(cpu)
    const recomputeCpuSeconds = (used.user + used.system) / 1e6
    const articles = core.db.prepare('SELECT count(*) FROM study_profiles').pluck().get() as number
    core.close()

    const figures = {
      savedLemmas: keys.length,
      cards,
      tintWords: Math.round(
        (payloads as { words: { words: number } }[]).reduce((a, p) => a + p.words.words, 0) /
          payloads.length,
      ),
      annotateMs: stats(annotateMs),
      articleWordsMs: stats(tintMs),
      coreOverheadMs: stats(overhead),
      annotateCpuMs: stats(annotateCpu),
      articleWordsCpuMs: stats(tintCpu),
      coreOverheadCpuMs: stats(overheadCpu),
      firstArticleMs: Number(firstArticleMs.toFixed(1)),
      renderPlainMs: stats(render.plainMs),
      renderTintedMs: stats(render.tintedMs),
      renderOverheadMs: stats(renderOverhead),
      nextCardMs: stats(nextMs),
      nextCardCpuMs: stats(nextCpu),
      plainSelectMs: stats(plainMs),
      profilesPerSecond: Math.round(profilePerSecond),
      annotatePerSecond: Math.round(annotatePerSecond),
      recomputeArticles: articles,
      recomputeSeconds: Number(recomputeSeconds.toFixed(2)),
      recomputeCpuSeconds: Number(recomputeCpuSeconds.toFixed(2)),
      recomputePerSecond: Math.round(articles / recomputeSeconds),
      recomputeSlices: sliceWall.length,
      sliceMs: stats(sliceWall),
      sliceCpuMs: stats(sliceCpu),
    }
    const row = (label: string, ours: string, peer: string) =>
      `| ${label.padEnd(58)} | ${ours.padStart(16)} | ${peer.padStart(26)} |`
    const pp = (s: { p50: number; p95: number }) => `${s.p50} / ${s.p95}`
    const table = [
      `Study (${keys.length} saved lemmas, ${cards} cards, ${articles} articles; wall time, CPU time in brackets)`,
      row('', 'Lesesaal', 'peer'),
      `|${'-'.repeat(60)}|${'-'.repeat(18)}|${'-'.repeat(28)}|`,
      row(
        `lemma map with statuses, ~${figures.tintWords} words, p50 (ms)`,
        `${figures.articleWordsMs.p50} (${figures.articleWordsCpuMs.p50})`,
        `annotation ${figures.annotateMs.p50} (${figures.annotateCpuMs.p50})`,
      ),
      row(
        '  its overhead over annotation p50 / p95 (ms)',
        `${pp(figures.coreOverheadMs)} (${pp(figures.coreOverheadCpuMs)})`,
        '–',
      ),
      row('  the first article after a start, once (ms)', String(figures.firstArticleMs), '–'),
      row(
        'reader spans with tints p50 (ms)',
        String(figures.renderTintedMs.p50),
        `without ${figures.renderPlainMs.p50}`,
      ),
      row('  their overhead p50 / p95 (ms)', pp(figures.renderOverheadMs), '–'),
      row(
        'next card p50 / p95 (ms)',
        `${pp(figures.nextCardMs)} (${pp(figures.nextCardCpuMs)})`,
        `SELECT ${pp(figures.plainSelectMs)}`,
      ),
      row(
        'article profiles built (articles/s)',
        String(figures.profilesPerSecond),
        `annotation ${figures.annotatePerSecond}`,
      ),
      row(
        `unknown shares recomputed, ${articles} articles (s)`,
        `${figures.recomputeSeconds} (${figures.recomputeCpuSeconds})`,
        '–',
      ),
      row(
        `  ${figures.recomputeSlices} slices, hold p50 / p95 / max (ms)`,
        `${pp(figures.sliceMs)} / ${figures.sliceMs.max}`,
        `CPU ${pp(figures.sliceCpuMs)} / ${figures.sliceCpuMs.max}`,
      ),
    ].join('\n')
    return { table, figures }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
