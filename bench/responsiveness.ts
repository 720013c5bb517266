/**
 * Does the main process keep answering during heavy work? Browser mode's server (the same
 * core and handler table as the desktop app's main process) runs in this process; a worker
 * thread calls a trivial method (`app.info`) over HTTP every 10 ms and times each answer,
 * while the main thread's event-loop delay is sampled (`monitorEventLoopDelay`, and the gaps
 * between 10 ms ticks, which also catch long stalls in native code). Measured
 * during a 5,000-file import and during a dictionary import, each with the work in a worker
 * thread (what the app does) beside the peer: the same work inline on the main thread (what
 * the app did before).
 *
 * `npm run bench -- --responsiveness [--dict /usr/share/trans/de-en] [--files 5000]`
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { createCore } from '../electron/core'
import { startWebServer } from '../electron/web/server'

const TOKEN = 'bench-token-0123456789abcdef'

/** The pinger: one call every 10 ms from its own thread, each timed until its answer. */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
const times = []
let stop = false
parentPort.on('message', () => { stop = true })
function ping() {
  const t0 = performance.now()
  const req = http.request({ host: '127.0.0.1', port: workerData.port, path: '/api/app.info', method: 'POST', agent,
    headers: { 'Content-Type': 'application/json', 'X-Lesesaal-Token': workerData.token, 'Content-Length': 2 } }, (res) => {
    res.resume()
    res.on('end', () => times.push(performance.now() - t0))
  })
  req.on('error', () => times.push(Infinity))
  req.end('{}')
}
const timer = setInterval(() => {
  if (stop) {
    clearInterval(timer)
    setTimeout(() => parentPort.postMessage(times), 200)
    return
  }
  ping()
}, 10)
`

export interface Responsiveness {
  task: string
  mode: 'worker' | 'inline'
  seconds: number
  /** Gaps between 10 ms ticks beyond 10 ms (and `monitorEventLoopDelay`'s own figures). */
  loopDelay: { p50: number; p99: number; max: number; histogramP99: number; histogramMax: number }
  answers: { count: number; p50: number; p95: number; p99: number; max: number; over50: number }
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

/** German articles of our own, made up from a few sentences, each one different. */
function writeArticles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true })
  const towns = ['Rostock', 'Kassel', 'Görlitz', 'Passau', 'Trier', 'Lübeck', 'Jena', 'Ulm']
  const topics = ['Fernwärme', 'Radwege', 'Schulsanierung', 'Hochwasserschutz', 'Bibliothek']
  for (let i = 0; i < n; i++) {
    const town = towns[i % towns.length]!
    const topic = topics[i % topics.length]!
    const text = [
      `${topic} in ${town}: Stadtrat entscheidet, Meldung ${i}`,
      '',
      `Der Stadtrat von ${town} hat in seiner ${i}. Sitzung über ${topic} beraten. Die Fraktionen stritten lange über die Kosten, am Ende stimmte eine Mehrheit dem Vorschlag der Verwaltung zu.`,
      '',
      `Die Bürgermeisterin sprach von einem wichtigen Schritt. Kritiker bemängeln, dass die Anwohner zu spät beteiligt worden seien. Die Arbeiten sollen im Frühjahr ${2026 + (i % 4)} beginnen.`,
      '',
      `Für die Umsetzung stehen ${(i % 90) + 10} Millionen Euro bereit, ein Teil davon kommt vom Land. Die nächste Sitzung ist für den ${(i % 28) + 1}. des Monats geplant.`,
      '',
    ].join('\n')
    writeFileSync(join(dir, `meldung-${String(i).padStart(5, '0')}.txt`), text)
  }
}

async function measure(
  task: string,
  mode: 'worker' | 'inline',
  library: string,
  work: (invoke: ReturnType<typeof createCore>['invoke']) => Promise<void>,
): Promise<Responsiveness> {
  const core = createCore({ libraryPath: library, jobs: mode, canImportPaths: true })
  await core.ensureGlossary()
  const dir = mkdtempSync(join(tmpdir(), 'lesesaal-bench-web-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lesesaal</title>')
  const server = await startWebServer({ core, token: TOKEN, rendererDir: dir })
  const pinger = new Worker(PINGER, { eval: true, workerData: { port: server.port, token: TOKEN } })
  const delay = monitorEventLoopDelay({ resolution: 10 })
  // let the pinger settle before the work starts
  await new Promise((r) => setTimeout(r, 300))
  delay.enable()
  // monitorEventLoopDelay misses long stalls inside native code (a 40 s SQLite transaction
  // showed as 59 ms): the gaps between 10 ms ticks are measured as well
  const gaps: number[] = []
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    gaps.push(Math.max(0, now - last - 10))
    last = now
  }, 10)
  const t0 = performance.now()
  await work(core.invoke)
  const seconds = (performance.now() - t0) / 1000
  clearInterval(ticker)
  gaps.push(Math.max(0, performance.now() - last - 10))
  delay.disable()
  const times = await new Promise<number[]>((resolve) => {
    pinger.once('message', resolve)
    pinger.postMessage('stop')
  })
  await pinger.terminate()
  await server.close()
  core.close()
  rmSync(dir, { recursive: true, force: true })
  const ms = (ns: number) => ns / 1e6
  return {
    task,
    mode,
    seconds,
    loopDelay: {
      p50: pct(gaps, 50),
      p99: pct(gaps, 99),
      max: Math.max(...gaps),
      histogramP99: ms(delay.percentile(99)),
      histogramMax: ms(delay.max),
    },
    answers: {
      count: times.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      p99: pct(times, 99),
      max: Math.max(...times),
      over50: times.filter((t) => t > 50).length / Math.max(1, times.length),
    },
  }
}

export async function runResponsivenessBench(
  options: { dict?: string; files?: number } = {},
): Promise<{ table: string; figures: Responsiveness[] }> {
  const files = options.files ?? 5000
  // the worker as the app ships it (built), not compiled from source on the fly
  const built = join(import.meta.dirname, '../out/main/job-worker.js')
  if (!existsSync(built)) throw new Error('Build first: npm run build.')
  process.env.LESESAAL_JOB_WORKER = built
  const work = mkdtempSync(join(tmpdir(), 'lesesaal-bench-resp-'))
  const figures: Responsiveness[] = []
  try {
    const folder = join(work, 'articles')
    writeArticles(folder, files)
    for (const mode of ['worker', 'inline'] as const) {
      figures.push(
        await measure(
          `import ${files.toLocaleString('en')} files`,
          mode,
          join(work, `import-${mode}.sqlite`),
          async (invoke) => {
            const r = await invoke('import.paths', { paths: [folder] })
            if (!r.ok) throw new Error(r.error.message)
          },
        ),
      )
      if (options.dict)
        figures.push(
          await measure(
            'dictionary import',
            mode,
            join(work, `dict-${mode}.sqlite`),
            async (invoke) => {
              const r = await invoke('dict.import', { name: 'Ding', path: options.dict })
              if (!r.ok) throw new Error(r.error.message)
            },
          ),
        )
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '∞')
  const rows = figures.map(
    (r) =>
      `| ${r.task} | ${r.mode === 'worker' ? 'Lesesaal (worker thread)' : 'peer: inline on the main thread'} | ${r.seconds.toFixed(1)} | ${f(r.loopDelay.p99)} / ${f(r.loopDelay.max)} | ${f(r.answers.p50)} / ${f(r.answers.p95)} / ${f(r.answers.p99)} / ${f(r.answers.max)} | ${(r.answers.over50 * 100).toFixed(1)} % |`,
  )
  const table = [
    '| work | where it runs | s | event-loop delay p99 / max ms | app.info answer p50 / p95 / p99 / max ms | answers over 50 ms |',
    '| ---- | ------------- | - | ----------------------------- | ---------------------------------------- | ------------------ |',
    ...rows,
  ].join('\n')
  return { table, figures }
}
