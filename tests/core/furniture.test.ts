/**
 * The library learns page furniture: lines an outlet repeats in its articles (three articles
 * of one outlet clean the fourth), and lines the user marks in the reader.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core'
import { join } from 'node:path'
import { call, tempDir, testCore } from '../helpers/core'

/** A promotion the (invented) outlet puts into every article; no cleanup rule knows it. */
const PROMO =
  'Der Küstenbote feiert sein 75-jähriges Bestehen mit einem großen Hafenfest am dritten Augustwochenende.'

const STORIES = [
  {
    title: 'Neue Fähre für Amrum',
    body: [
      'Die Reederei hat am Montag ein neues Fährschiff für die Verbindung nach Amrum vorgestellt. Es soll ab dem Frühjahr fahren und bietet Platz für 800 Fahrgäste.',
      'Das Schiff fährt mit Flüssiggas und soll deutlich weniger Abgase ausstoßen als die alte Fähre, die seit mehr als dreißig Jahren im Einsatz ist.',
    ],
  },
  {
    title: 'Deichbau in Dagebüll verzögert sich',
    body: [
      'Der geplante Ausbau des Deichs bei Dagebüll verzögert sich um mindestens ein Jahr. Grund sind nach Angaben des Landesbetriebs fehlende Baufirmen.',
      'Die Anwohner reagierten enttäuscht, denn die letzte Sturmflut hatte gezeigt, wie knapp der alte Deich an seine Grenzen kommt.',
    ],
  },
  {
    title: 'Wattführer bilden Nachwuchs aus',
    body: [
      'Zum ersten Mal seit Jahren bietet der Verband der Wattführer wieder einen Lehrgang an. Zwölf junge Leute aus der Region haben sich angemeldet.',
      'Die Ausbildung dauert zwei Sommer und endet mit einer Prüfung im Watt vor Pellworm, bei der die Teilnehmer eine Gruppe sicher führen müssen.',
    ],
  },
  {
    title: 'Inselschule bekommt schnelles Internet',
    body: [
      'Die Grundschule auf Langeneß ist seit dieser Woche an das Glasfasernetz angeschlossen. Bisher mussten die Kinder mit einer langsamen Funkverbindung auskommen.',
      'Der Anschluss wurde aus einem Landesprogramm für kleine Inseln bezahlt, das in diesem Jahr noch vier weitere Halligen erreichen soll.',
    ],
  },
]

function page(outlet: string, story: { title: string; body: string[] }, extra: string[] = []) {
  return [
    story.title,
    '',
    story.body[0],
    '',
    PROMO,
    '',
    story.body[1],
    '',
    ...extra.flatMap((l) => [l, '']),
    `© ${outlet} 2024`,
  ].join('\n')
}

async function importText(core: Core, name: string, text: string) {
  const data = Buffer.from(text).toString('base64')
  // copies of one page on purpose: near-duplicates are imported here, not left out
  const r = await call(core, 'import.files', { files: [{ name, data }], nearDuplicates: 'import' })
  const id = r.results[0]!.id
  if (!id) throw new Error(`${name}: ${JSON.stringify(r.results[0])}`)
  return id
}

const text = async (core: Core, id: number) =>
  (await call(core, 'article.get', { id })).paragraphs.join('\n')

describe('learning an outlet’s template', () => {
  it('three articles of one outlet clean the fourth, and themselves', async () => {
    const core = testCore()
    const first: number[] = []
    for (const [k, s] of STORIES.slice(0, 3).entries())
      first.push(await importText(core, `k${k}.txt`, page('Küstenbote', s)))
    const fourth = await importText(core, 'k3.txt', page('Küstenbote', STORIES[3]!))

    expect(await text(core, fourth)).not.toContain('Hafenfest')
    expect(await text(core, fourth)).toContain('Glasfasernetz')
    for (const id of first) {
      const t = await text(core, id)
      expect(t).not.toContain('Hafenfest')
      expect(t.split('\n')).toHaveLength(2)
    }
    const rules = await call(core, 'furniture.list', { outlet: 'Küstenbote' })
    expect(rules).toHaveLength(1)
    expect(rules[0]).toMatchObject({ outlet: 'Küstenbote', source: 'template', text: PROMO })
    expect(rules[0]!.articles).toBe(4)
  })

  it('leaves another outlet’s article with the same line alone', async () => {
    const core = testCore()
    for (const [k, s] of STORIES.slice(0, 3).entries())
      await importText(core, `k${k}.txt`, page('Küstenbote', s))
    const other = await importText(core, 'm.txt', page('Marschblatt', STORIES[3]!))
    expect(await text(core, other)).toContain('Hafenfest')
  })

  it('does not learn from one article saved three times', async () => {
    const core = testCore()
    const s = STORIES[0]!
    // the same story, updated twice: new last paragraphs, same title
    await importText(core, 'v1.txt', page('Küstenbote', s))
    await importText(core, 'v2.txt', page('Küstenbote', s, ['Update: Die Fähre wurde getauft.']))
    const v3 = await importText(
      core,
      'v3.txt',
      page('Küstenbote', s, ['Update: Die Jungfernfahrt ist im März geplant.']),
    )
    expect(await text(core, v3)).toContain('Hafenfest')
    expect(await call(core, 'furniture.list', { outlet: null })).toEqual([])
  })

  it('gives the lines back when the learned rule is removed, and does not learn it again', async () => {
    const core = testCore()
    const ids: number[] = []
    for (const [k, s] of STORIES.entries())
      ids.push(await importText(core, `k${k}.txt`, page('Küstenbote', s)))
    const [rule] = await call(core, 'furniture.list', { outlet: 'Küstenbote' })
    const r = await call(core, 'furniture.remove', { id: rule!.id })
    expect(r.report.changed).toBe(4)
    for (const id of ids) expect(await text(core, id)).toContain('Hafenfest')
    const again = await importText(
      core,
      'k4.txt',
      page('Küstenbote', {
        title: 'Seehunde gezählt',
        body: STORIES[0]!.body.map((b) => `${b} Neu.`),
      }),
    )
    expect(await text(core, again)).toContain('Hafenfest')
    const rules = await call(core, 'furniture.list', { outlet: 'Küstenbote' })
    expect(rules.map((x) => x.active)).toEqual([false])
  })
})

describe('lines the user marks as page furniture', () => {
  const TIP = 'Tipp der Redaktion: Unsere Wattwanderungen im Überblick finden Sie im Serviceteil.'

  it('removes the line from the article and from the outlet’s others, now and later', async () => {
    const core = testCore()
    const a = await importText(core, 'a.txt', page('Küstenbote', STORIES[0]!, [TIP]))
    const b = await importText(core, 'b.txt', page('Marschblatt', STORIES[1]!, [TIP]))
    expect(await text(core, a)).toContain('Tipp der Redaktion')

    const r = await call(core, 'furniture.mark', { id: a, text: TIP, scope: 'outlet' })
    expect(r.rule).toMatchObject({ outlet: 'Küstenbote', source: 'user', active: true })
    expect(r.report.items.map((i) => [i.id, i.status])).toEqual([[a, 'changed']])
    expect(await text(core, a)).not.toContain('Tipp der Redaktion')
    // another outlet keeps it
    expect(await text(core, b)).toContain('Tipp der Redaktion')
    // a later import of the same outlet drops it at once
    const c = await importText(core, 'c.txt', page('Küstenbote', STORIES[2]!, [TIP]))
    expect(await text(core, c)).not.toContain('Tipp der Redaktion')
  })

  it('applies a line marked in one process to the next import of another at once', async () => {
    // the app's main process marks; its job worker (another connection) imports
    const path = join(tempDir(), 'library.sqlite')
    const main = testCore({ libraryPath: path })
    const worker = testCore({ libraryPath: path })
    const a = await importText(main, 'a.txt', page('Küstenbote', STORIES[0]!, [TIP]))
    // the worker has just imported (and looked for rules: there were none)
    await importText(worker, 'b.txt', page('Marschblatt', STORIES[1]!, [TIP]))
    await call(main, 'furniture.mark', { id: a, text: TIP, scope: 'outlet' })
    const c = await importText(worker, 'c.txt', page('Küstenbote', STORIES[2]!, [TIP]))
    expect(await text(worker, c)).not.toContain('Tipp der Redaktion')
  })

  it('marks a line for every outlet, and gives it back when the mark is removed', async () => {
    const core = testCore()
    const a = await importText(core, 'a.txt', page('Küstenbote', STORIES[0]!, [TIP]))
    const b = await importText(core, 'b.txt', page('Marschblatt', STORIES[1]!, [TIP]))
    const r = await call(core, 'furniture.mark', { id: b, text: TIP, scope: 'everywhere' })
    expect(r.rule.outlet).toBeNull()
    expect(await text(core, a)).not.toContain('Tipp der Redaktion')
    expect(await text(core, b)).not.toContain('Tipp der Redaktion')
    await call(core, 'furniture.remove', { id: r.rule.id })
    expect(await text(core, a)).toContain('Tipp der Redaktion')
    expect(await text(core, b)).toContain('Tipp der Redaktion')
    expect(await call(core, 'furniture.list', { outlet: null })).toEqual([])
  })

  it('refuses a line the article does not have, with one sentence', async () => {
    const core = testCore()
    const a = await importText(core, 'a.txt', page('Küstenbote', STORIES[0]!))
    const r = await core.invoke('furniture.mark', { id: a, text: 'Gibt es nicht', scope: 'outlet' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input')
      expect(r.error.message).not.toContain('\n')
    }
  })
})
