/**
 * Markdown pasted in the app (an article copied from a read-later app or a notes app), in a
 * core that has loaded no parser yet: the paste loads what a text may turn out to need. Alone
 * in its file, so no other test has loaded the Markdown parser before (it failed with "an
 * unexpected problem" when only the plain-text parsers were loaded).
 */
import { expect, it } from 'vitest'
import { call, testCore } from '../helpers/core'

it('imports pasted Markdown with its headline, kicker and subheadings', async () => {
  const core = testCore()
  const text = [
    '**Verkehr**',
    '',
    '# Neue Fähre verbindet Altwerder und Kleinhafen',
    '',
    'Seit Montag pendelt eine elektrische Fähre zwischen Altwerder und Kleinhafen. Die Überfahrt dauert zwölf Minuten, der [Fahrplan](https://www.werderaner.example/fahrplan) gilt zunächst bis Ende Oktober.',
    '',
    '## Platz für Räder',
    '',
    'An Bord ist Platz für 60 Fahrgäste und 20 Fahrräder. Wer ein Lastenrad mitnehmen will, soll sich vorher anmelden.',
  ].join('\n')
  const result = await call(core, 'import.text', { text })
  expect(result.error).toBeNull()
  const article = await call(core, 'article.get', { id: result.id! })
  expect({ title: article.title, kicker: article.kicker }).toEqual({
    title: 'Neue Fähre verbindet Altwerder und Kleinhafen',
    kicker: 'Verkehr',
  })
  expect(article.paragraphs).toEqual([
    'Seit Montag pendelt eine elektrische Fähre zwischen Altwerder und Kleinhafen. Die Überfahrt dauert zwölf Minuten, der Fahrplan gilt zunächst bis Ende Oktober.',
    'Platz für Räder',
    'An Bord ist Platz für 60 Fahrgäste und 20 Fahrräder. Wer ein Lastenrad mitnehmen will, soll sich vorher anmelden.',
  ])
})
