/**
 * Hostile pages imported and shown in real Chromium: scripts, event handlers, javascript:
 * URLs, frames, SVG, meta refresh, CSS that loads things, forms, objects, base URLs, media,
 * Markdown with raw HTML, text that looks like markup. Nothing runs: no flag the pages set,
 * no dialog, no console message from them, and not one request reaches a canary server they
 * all point at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, screenshot, startWeb, type WebApp } from './browser'
import { tempDirForSuite } from './tmp'

let app: WebApp
let browser: Browser
let page: Page
let canary: Server
let base = ''
const requests: string[] = []
const console_: string[] = []
const dialogs: string[] = []
const dir = tempDirForSuite()

/** An article of our own with a hostile part around it; `n` keeps the texts apart. */
function article(n: number, title: string, hostile: string, where: 'head' | 'body' = 'body') {
  const text = `<h1>${title}</h1><p>Die Stadtwerke erhöhen zum ${n}. des Monats die Preise für Fernwärme. Der Aufsichtsrat hat der Erhöhung am Donnerstag zugestimmt, die Verbraucherzentrale kritisiert den Zeitpunkt.</p><p>Für Haushalte mit geringem Einkommen soll es einen Härtefallfonds geben, kündigte die Geschäftsführung an. Anträge sind ab dem Frühjahr möglich.</p>`
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${where === 'head' ? hostile : ''}</head><body><article>${text}${where === 'body' ? hostile : ''}</article></body></html>`
}

function hostilePages(): { name: string; content: string }[] {
  const c = (what: string) => `${base}/${what}`
  const flag = (what: string) =>
    `window.__pwned='${what}';console.log('pwned ${what}');fetch('${c(what)}')`
  const pages: [string, string, 'head' | 'body'][] = [
    ['script', `<script>${flag('script')}</script>`, 'body'],
    [
      'script-head',
      `<script src="${c('script-src.js')}"></script><script>${flag('script-head')}</script>`,
      'head',
    ],
    ['img-onerror', `<img src="${c('img.png')}" onerror="${flag('img-onerror')}">`, 'body'],
    ['body-onload', `</article><body onload="${flag('body-onload')}"><article>`, 'body'],
    [
      'javascript-href',
      `<p><a href="javascript:${flag('javascript-href')}">Mehr dazu</a></p>`,
      'body',
    ],
    [
      'entity-href',
      `<p><a href="&#106;avascript&#58;${flag('entity-href')}">Weiterlesen</a></p>`,
      'body',
    ],
    [
      'iframe',
      `<iframe src="${c('iframe')}"></iframe><iframe srcdoc="<script>parent.${flag('srcdoc')}</script>"></iframe>`,
      'body',
    ],
    [
      'data-iframe',
      `<iframe src="data:text/html,<script>${flag('data-iframe')}</script>"></iframe>`,
      'body',
    ],
    [
      'svg',
      `<svg onload="${flag('svg')}"><script>${flag('svg-script')}</script><image href="${c('svg-image')}"/><a xlink:href="javascript:${flag('svg-a')}"><text>Karte</text></a></svg>`,
      'body',
    ],
    ['meta-refresh', `<meta http-equiv="refresh" content="0;url=${c('refresh')}">`, 'head'],
    [
      'css',
      `<div style="background:url(${c('css-inline')});width:expression(${flag('expression')})">Grafik</div>`,
      'body',
    ],
    [
      'style-import',
      `<style>@import url(${c('css-import')}); body { background: url(${c('css-bg')}) }</style>`,
      'head',
    ],
    [
      'link',
      `<link rel="stylesheet" href="${c('link.css')}"><link rel="prefetch" href="${c('prefetch')}"><link rel="icon" href="${c('icon')}">`,
      'head',
    ],
    [
      'object',
      `<object data="${c('object')}"></object><embed src="${c('embed')}"><applet code="${c('applet')}"></applet>`,
      'body',
    ],
    [
      'form',
      `<form action="${c('form')}" method="post"><input name="q" autofocus onfocus="${flag('onfocus')}"><button formaction="javascript:${flag('formaction')}">Senden</button></form>`,
      'body',
    ],
    ['base', `<base href="${c('base/')}">`, 'head'],
    [
      'media',
      `<video poster="${c('poster')}" src="${c('video')}" autoplay></video><audio src="${c('audio')}" autoplay onplay="${flag('onplay')}"></audio><img srcset="${c('srcset')} 1x">`,
      'body',
    ],
    ['math', `<math><mtext><a href="javascript:${flag('math')}">Formel</a></mtext></math>`, 'body'],
    [
      'template',
      `<template><script>${flag('template')}</script></template><noscript><img src="${c('noscript')}"></noscript>`,
      'body',
    ],
    [
      'details',
      `<details open ontoggle="${flag('ontoggle')}"><summary>Details</summary>Mehr</details><marquee onstart="${flag('marquee')}">Laufschrift</marquee>`,
      'body',
    ],
    [
      'og-image',
      `<meta property="og:image" content="${c('og-image')}"><meta property="og:url" content="javascript:${flag('og-url')}">`,
      'head',
    ],
    [
      'comment-trick',
      `<!--><script>${flag('comment')}</script>--><p title="</p><script>${flag('attr')}</script>">Hinweis</p>`,
      'body',
    ],
  ]
  const out = pages.map(([name, hostile, where], i) => ({
    name: `${name}.html`,
    content: article(i + 1, `Fernwärme wird teurer, Folge ${i + 1}`, hostile, where),
  }))
  out.push({
    name: 'markdown.md',
    content: `# Fernwärme wird teurer, Markdown\n\nDie Stadtwerke erhöhen die Preise für Fernwärme. <script>${flag('markdown')}</script> Der Aufsichtsrat hat zugestimmt.\n\n[Weiterlesen](javascript:${flag('md-link')}) und ![Bild](${c('md-image')})\n\n<img src="${c('md-html-img')}" onerror="${flag('md-onerror')}"> Für Haushalte mit geringem Einkommen gibt es einen Härtefallfonds.\n`,
  })
  out.push({
    name: 'markup-as-text.txt',
    content: `Fernwärme wird teurer, als Text gespeichert\n\nDie Stadtwerke erhöhen die Preise. Im Text steht <script>${flag('txt')}</script> als Zeichen, nicht als Programm.\n\nDer Aufsichtsrat hat zugestimmt; <img src="${c('txt-img')}" onerror="${flag('txt-onerror')}"> bleibt ebenfalls nur Text.\n`,
  })
  return out
}

beforeAll(async () => {
  canary = createServer((req, res) => {
    requests.push(req.url ?? '')
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('canary')
  })
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve))
  const address = canary.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  app = await startWeb(join(dir, 'library.sqlite'))
  browser = await launch()
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 860 },
  })
  page = await context.newPage()
  page.on('console', (m) => console_.push(`${m.type()}: ${m.text()}`))
  page.on('pageerror', (e) => console_.push(`pageerror: ${e.message}`))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(app.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await new Promise<void>((resolve) => (canary ? canary.close(() => resolve()) : resolve()))
})

describe('hostile pages', () => {
  it('are imported as text and shown without running anything', async () => {
    const pages = hostilePages()
    const folder = join(dir, 'feindlich')
    mkdirSync(folder)
    for (const p of pages) writeFileSync(join(folder, p.name), p.content)
    await page.locator('[data-testid=article-row]').first().waitFor()
    await page
      .locator('[data-testid=file-input]')
      .setInputFiles(pages.map((p) => join(folder, p.name)))
    await page
      .getByText(`${pages.length} importiert, 0 schon vorhanden, 0 fehlgeschlagen`)
      .waitFor()

    // every one of them opened in the reader
    const ids = await page.evaluate(async () => {
      const r = await fetch('/api/library.list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lesesaal-Client': '1' },
        body: '{}',
      })
      return ((await r.json()) as { value: { id: number; title: string }[] }).value.filter((a) =>
        a.title.startsWith('Fernwärme'),
      )
    })
    expect(ids).toHaveLength(pages.length)
    for (const { id } of ids) {
      await page.evaluate((h) => (window.location.hash = h), `#/article/${id}`)
      const body = page.locator('[data-testid=article] .article-body')
      await body.waitFor()
      // (the reader adds soft hyphens)
      expect((await body.innerText()).replace(/\u00ad/g, '')).toMatch(/Stadtwerke/)
      // the reader holds text: no element a page could have smuggled in
      expect(
        await page
          .locator(
            '[data-testid=article] :is(script, iframe, object, embed, img, svg, form, style, link, video, audio, math, a[href^="javascript"])',
          )
          .count(),
      ).toBe(0)
    }
    // the markup written as text is shown as text
    const txt = ids.find((a) => a.title.includes('als Text gespeichert'))!.id
    await page.evaluate((h) => (window.location.hash = h), `#/article/${txt}`)
    expect(
      (await page.locator('[data-testid=article] .article-body').innerText()).replace(
        /\u00ad/g,
        '',
      ),
    ).toContain('<script>')
    // and search shows their snippets as text too
    await page.evaluate(() => (window.location.hash = '#/search?q=Stadtwerke'))
    await page.locator('.search-results, [data-testid=search-hit], main').first().waitFor()
    await page.waitForTimeout(500)
    expect(await screenshot(page, 'hostile-search')).toBeTruthy()

    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(console_.filter((m) => /pwned/i.test(m))).toEqual([])
    expect(requests).toEqual([])
  })
})
