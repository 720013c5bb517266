/**
 * The dictionary import reports progress from inside its one transaction (issue 12: the bar
 * never moved), in the same event shape: `dict.progress` { done, total }.
 */
import { describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../shared/contract'
import { call, testCore } from '../helpers/core'

/** A made-up Ding dictionary: nouns with plurals, in the Ding layout. */
function dingText(lines: number): string {
  const out = ['# made up for a test: Deutsch :: English']
  for (let i = 0; i < lines; i++)
    out.push(`Prüfwort${i} {n}; Prüfwörter${i} {pl} :: test word ${i}; test words ${i}`)
  return out.join('\n')
}

describe('dictionary import progress', () => {
  it('moves through parsing, inserting and indexing, and ends at the total', async () => {
    const core = testCore()
    await core.ensureGlossary()
    const events: ApiEvents['dict.progress'][] = []
    core.subscribe((event, payload) => {
      if (event === 'dict.progress') events.push(payload as ApiEvents['dict.progress'])
    })
    const text = dingText(40_000)
    const r = await call(core, 'dict.import', {
      name: 'Prüfwörterbuch',
      data: Buffer.from(text).toString('base64'),
    })
    expect(r.entries).toBeGreaterThan(39_000)
    expect(events.length).toBeGreaterThanOrEqual(3)
    const dones = events.map((e) => e.done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))
    const last = events.at(-1)!
    expect(last.done).toBe(last.total)
    const lines = text.split('\n').length
    // a report from inside the transaction: past the parsing, before the end
    expect(events.some((e) => e.done > lines && e.done < e.total)).toBe(true)
  })
})

describe('the glossary as CSV', () => {
  it('has its column headers in the UI language', async () => {
    const core = testCore()
    await core.ensureGlossary()
    const header = async (language?: 'de' | 'en') =>
      (await call(core, 'lexicon.export', language ? { language } : {})).csv
        .replace(/^\ufeff/, '')
        .split('\r\n')[0]
    expect(await header('de')).toBe(
      'Stichwort,Wortart,Genus,Plural,Genitiv,Bedeutung (Englisch),Erklärung,Sachgebiet,Quelle,Formen',
    )
    expect(await header('en')).toBe(
      'lemma,pos,gender,plural,genitive,gloss,explanation,domain,source,forms',
    )
    expect(await header()).toBe(await header('en'))
  })
})
