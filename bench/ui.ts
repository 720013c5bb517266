/**
 * The UI with a real archive (issue 12): a library of made-up German articles (100,000 by
 * default), browser mode, Chromium through playwright-core. For each size, this renderer
 * (the virtual list) and its peer, the renderer before virtualisation (built from git, served
 * by the same server code against the same library), are measured in the same run:
 *
 * - open: from navigation to the first article row on screen, cold (the server's first
 *   request) and warm (a reload), and inside the app (from a click on "Bibliothek" on another
 *   page to the first row, median of three);
 * - sort by title and filter by outlet: from the change of the select to the frame that
 *   shows the new first rows, and the long tasks (> 50 ms) of the page meanwhile; the first
 *   of each right after the page opened, and the median of five;
 * - an import of N files while the list is open: how long it takes, the longest gap between
 *   two frames and the time the page spent in long tasks; and the same import with the list
 *   closed (the glossary page open instead).
 *
 *   npm run bench -- --ui [--ui-sizes 2000,100000] [--ui-peer REV] [--ui-peer-sizes 2000]
 *                         [--ui-import 200] [--out FILE]
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { article, articleFile } from '../tests/helpers/german'
import { buildGeneratedLibrary } from '../tests/helpers/library'
import { launch } from '../tests/e2e/browser'

const ROOT = join(import.meta.dirname, '..')
/** The renderer before the virtual list: the base of the branch that brought it. */
export const DEFAULT_PEER = '6892d41'
const STEP_TIMEOUT = 300_000

export interface UiBenchOptions {
  sizes: number[]
  /** A git revision whose renderer is the peer; '' for none. */
  peer: string
  /** The sizes the peer is measured at (it renders every row: 100,000 take the best part of an hour). */
  peerSizes: number[]
  /** Files imported while the list is open. */
  importFiles: number
}

interface SystemFigures {
  openColdMs: number | null
  openWarmMs: number | null
  /** From a click on "Bibliothek" on another page of the app to the first row: median of 3. */
  openInAppMs: number | null
  /** The first sort by title, right after the page opened. */
  sortMs: number | null
  /** Median of five sorts (title, date, title, …) and five filters (an outlet, all, …). */
  sortMedianMs: number | null
  filterMs: number | null
  filterMedianMs: number | null
  sortFilterLongTaskMs: number | null
  importOpenS: number | null
  importMaxFrameGapMs: number | null
  importLongTaskMs: number | null
  importClosedS: number | null
}

/** Builds the peer's renderer (the list before virtualisation) from git; returns its folder. */
async function buildPeer(rev: string, work: string): Promise<string> {
  const src = join(work, 'peer-src')
  execFileSync('mkdir', ['-p', src])
  const archive = execFileSync('git', ['archive', rev, 'renderer', 'shared'], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  })
  execFileSync('tar', ['-x', '-C', src], { input: archive })
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'))
  const { build } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  const outDir = join(work, 'peer-out')
  await build({
    root: join(src, 'renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, minify: true },
  })
  return outDir
}

async function startServer(
  library: string,
  rendererDir: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/ui-server.ts'), library, rendererDir],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: ROOT },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Lesesaal: (\S+)\n/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`ui-server exited with ${code}`)))
  })
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Runs in the page from its start: long tasks and the first article row on screen. */
const PROBE = () => {
  const w = window as unknown as {
    benchLongTasks: { start: number; duration: number }[]
    benchFirstRow: number | null
  }
  w.benchLongTasks = []
  w.benchFirstRow = null
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.benchLongTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const seen = () => {
    if (w.benchFirstRow === null && document.querySelector('[data-testid=article-row]'))
      requestAnimationFrame(() => (w.benchFirstRow ??= performance.now()))
  }
  new MutationObserver(seen).observe(document, { subtree: true, childList: true })
}

async function openMs(page: Page, url: string, reload: boolean): Promise<number> {
  if (reload) await page.reload()
  else await page.goto(url)
  await page.waitForFunction(
    () => (window as unknown as { benchFirstRow: number | null }).benchFirstRow !== null,
    null,
    { timeout: STEP_TIMEOUT, polling: 100 },
  )
  return page.evaluate(() => (window as unknown as { benchFirstRow: number }).benchFirstRow)
}

/**
 * The list opened inside the app, as a user comes back to it from another page: from the click
 * on "Bibliothek" (the glossary page open) to the frame that shows the first row.
 */
async function openInAppMs(page: Page): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.locator('.topnav .navlink').nth(2).click() // Glossar
    await page.locator('[data-testid=article-row]').first().waitFor({ state: 'detached' })
    await page.waitForTimeout(300)
    times.push(
      await page.evaluate(async (timeout) => {
        const t0 = performance.now()
        document.querySelector<HTMLButtonElement>('.topnav .navlink')!.click()
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            if (document.querySelector('[data-testid=article-row]')) resolve()
            else if (performance.now() - t0 > timeout) reject(new Error('timed out'))
            else requestAnimationFrame(check)
          }
          requestAnimationFrame(check)
        })
        await new Promise((r) => requestAnimationFrame(r))
        return performance.now() - t0
      }, STEP_TIMEOUT),
    )
  }
  return median(times)
}

/** Changes a select of the list and times the frame that shows the change. */
async function timeChange(
  page: Page,
  testId: 'sort' | 'outlet-filter',
  value: string,
): Promise<{ ms: number; longTaskMs: number }> {
  return page.evaluate(
    async ({ testId, value, timeout }) => {
      const w = window as unknown as { benchLongTasks: { start: number; duration: number }[] }
      const rows = () => [...document.querySelectorAll('[data-testid=article-row]')]
      const firstTitle = () => rows()[0]?.querySelector('a')?.textContent ?? null
      const before = firstTitle()
      const done =
        testId === 'sort'
          ? () => firstTitle() !== null && firstTitle() !== before
          : () => {
              const shown = rows().slice(0, 5)
              return shown.length > 0 && shown.every((r) => r.textContent!.includes(value))
            }
      const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!
      const t0 = performance.now()
      select.value = value
      select.dispatchEvent(new Event('change', { bubbles: true }))
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (done()) resolve()
          else if (performance.now() - t0 > timeout) reject(new Error('timed out'))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
      await new Promise((r) => requestAnimationFrame(r))
      const ms = performance.now() - t0
      const longTaskMs = w.benchLongTasks
        .filter((t) => t.start >= t0)
        .reduce((s, t) => s + t.duration, 0)
      return { ms, longTaskMs }
    },
    { testId, value, timeout: STEP_TIMEOUT },
  )
}

/** Imports `count` generated files through the file input and watches the frames meanwhile. */
async function timeImport(
  page: Page,
  from: number,
  count: number,
): Promise<{ seconds: number; maxGapMs: number; longTaskMs: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames: number[]; benchStop: boolean }
    w.benchFrames = []
    w.benchStop = false
    const tick = (t: number) => {
      w.benchFrames.push(t)
      if (!w.benchStop) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  // the report of an earlier import says "N importiert" too: close it first
  const report = page.locator('.import-report header .icon-button')
  if (await report.count()) await report.click()
  await page.locator('.import-report').waitFor({ state: 'detached' })
  const files = Array.from({ length: count }, (_, i) => ({
    name: `bench-${from + i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(articleFile(article(from + i, 77))),
  }))
  const t0 = await page.evaluate(() => performance.now())
  await page.locator('[data-testid=file-input]').setInputFiles(files)
  await page.getByText(new RegExp(`^${count} importiert`)).waitFor({ timeout: STEP_TIMEOUT * 2 })
  return page.evaluate((start) => {
    const w = window as unknown as {
      benchFrames: number[]
      benchStop: boolean
      benchLongTasks: { start: number; duration: number }[]
    }
    w.benchStop = true
    const end = performance.now()
    const frames = w.benchFrames.filter((f) => f >= start)
    const gaps = frames.slice(1).map((f, i) => f - frames[i]!)
    return {
      seconds: (end - start) / 1000,
      maxGapMs: Math.max(0, ...gaps),
      longTaskMs: w.benchLongTasks
        .filter((t) => t.start >= start)
        .reduce((s, t) => s + t.duration, 0),
    }
  }, t0)
}

async function measureSystem(
  browser: Browser,
  library: string,
  rendererDir: string,
  opts: UiBenchOptions,
  size: number,
): Promise<SystemFigures> {
  const figures: SystemFigures = {
    openColdMs: null,
    openWarmMs: null,
    openInAppMs: null,
    sortMs: null,
    sortMedianMs: null,
    filterMs: null,
    filterMedianMs: null,
    sortFilterLongTaskMs: null,
    importOpenS: null,
    importMaxFrameGapMs: null,
    importLongTaskMs: null,
    importClosedS: null,
  }
  const server = await startServer(library, rendererDir)
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 900 },
  })
  // tsx keeps function names with a helper the page does not have; functions sent to the page
  // (the probe, page.evaluate) call it
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  await context.addInitScript(PROBE)
  const page = await context.newPage()
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (err) {
      console.error(`   ${size} ${name}: ${(err as Error).message.split('\n')[0]}`)
    }
  }
  try {
    await step('open', async () => {
      figures.openColdMs = await openMs(page, server.url, false)
      figures.openWarmMs = await openMs(page, server.url, true)
    })
    await step('sort and filter', async () => {
      const sort = await timeChange(page, 'sort', 'title')
      const filter = await timeChange(page, 'outlet-filter', 'Harzer Morgen')
      figures.sortMs = sort.ms
      figures.filterMs = filter.ms
      figures.sortFilterLongTaskMs = sort.longTaskMs + filter.longTaskMs
      // then a few more of each: one sort on this shared machine can take a neighbour's time
      const sorts = [sort.ms]
      const filters = [filter.ms]
      await page.getByTestId('outlet-filter').selectOption('')
      for (const value of ['published', 'title', 'published', 'title'])
        sorts.push((await timeChange(page, 'sort', value)).ms)
      for (const value of ['Oderkurier', 'Harzer Morgen', 'Oderkurier', 'Harzer Morgen'])
        filters.push((await timeChange(page, 'outlet-filter', value)).ms)
      figures.sortMedianMs = median(sorts)
      figures.filterMedianMs = median(filters)
      // back to the whole list for the import
      await page.getByTestId('outlet-filter').selectOption('')
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid=article-row]')].some(
            (r) => !r.textContent!.includes('Harzer Morgen'),
          ),
        null,
        { timeout: STEP_TIMEOUT, polling: 100 },
      )
    })
    await step('open in the app', async () => {
      figures.openInAppMs = await openInAppMs(page)
    })
    await step('import with the list open', async () => {
      // the first import loads the parsers (about 0.4 s): not part of either measurement
      await timeImport(page, 900_000, 2)
      const r = await timeImport(page, 1_000_000, opts.importFiles)
      figures.importOpenS = r.seconds
      figures.importMaxFrameGapMs = r.maxGapMs
      figures.importLongTaskMs = r.longTaskMs
    })
    await step('import with the list closed', async () => {
      await page.goto(`${new URL(server.url).origin}/#/glossary`)
      await page.locator('h1').first().waitFor()
      const r = await timeImport(page, 2_000_000, opts.importFiles)
      figures.importClosedS = r.seconds
    })
  } finally {
    await context.close()
    await server.stop()
  }
  return figures
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const round = (n: number | null, digits = 0) => (n === null ? null : Number(n.toFixed(digits)))

/** Runs the UI benchmark; returns the printed table and the figures for the JSON file. */
export async function runUiBench(
  opts: UiBenchOptions,
): Promise<{ table: string; figures: unknown }> {
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-ui-bench-'))
  const browser = await launch()
  const rows: { articles: number; system: string; figures: SystemFigures }[] = []
  try {
    const thisRenderer = join(ROOT, 'out/renderer')
    const peerRenderer = opts.peer ? await buildPeer(opts.peer, work) : null
    for (const size of opts.sizes) {
      const base = join(work, `library-${size}.sqlite`)
      const t = performance.now()
      await buildGeneratedLibrary(base, size, { seed: 9 })
      console.error(
        `== ${size} articles: library built in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      )
      const systems: [string, string][] = [['virtual list', thisRenderer]]
      if (peerRenderer && opts.peerSizes.includes(size))
        systems.push([`every row (${opts.peer})`, peerRenderer])
      for (const [system, renderer] of systems) {
        const library = join(work, `library-${size}-${rows.length}.sqlite`)
        copyFileSync(base, library)
        const figures = await measureSystem(browser, library, renderer, opts, size)
        console.error(`   ${system}: ${JSON.stringify(figures)}`)
        rows.push({ articles: size, system, figures })
        rmSync(library, { force: true })
      }
      rmSync(base, { force: true })
    }
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
  const cell = (n: number | null, digits = 0) => (n === null ? 'timed out' : n.toFixed(digits))
  const lines = [
    `| articles | list | open ms: page cold / page warm / in the app | sort by title ms, first / median of 5 | filter by outlet ms, first / median of 5 | long tasks in sort + filter ms | import ${opts.importFiles} files, list open s | longest frame gap ms | long tasks during import ms | same import, list closed s |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ articles, system, figures: f }) =>
        `| ${articles.toLocaleString('en')} | ${system} | ${cell(f.openColdMs)} / ${cell(f.openWarmMs)} / ${cell(f.openInAppMs)} | ${cell(f.sortMs)} / ${cell(f.sortMedianMs)} | ${cell(f.filterMs)} / ${cell(f.filterMedianMs)} | ${cell(f.sortFilterLongTaskMs)} | ${cell(f.importOpenS, 1)} | ${cell(f.importMaxFrameGapMs)} | ${cell(f.importLongTaskMs)} | ${cell(f.importClosedS, 1)} |`,
    ),
  ]
  return {
    table: lines.join('\n'),
    figures: rows.map((r) => ({
      ...r,
      figures: Object.fromEntries(
        Object.entries(r.figures).map(([k, v]) => [k, round(v as number | null, 2)]),
      ),
    })),
  }
}
