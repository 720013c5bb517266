/**
 * Copying clean text (no soft hyphens, words as the article has them, paragraphs apart) and
 * "copy with citation" in German and English style.
 */
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WordText } from '../../renderer/src/features/glossary/WordText'
import { cite } from '../../renderer/src/features/copy/citation'
import { hasInvisibles, paragraphsHtml } from '../../renderer/src/features/copy/cleanText'
import { rangeText } from '../../renderer/src/features/copy/selection'
import { handleCopy } from '../../renderer/src/features/copy/useCleanCopy'

const hyphenate = (w: string) => (w.length > 6 ? w.replace(/(.{3})(?=.{3})/g, '$1\u00ad') : w)
const P1 = 'Die Sicherheitsgarantien wurden am Dienstag in Rostock unterzeichnet.'
const P2 = 'Über die Unterseekabel wacht künftig ein gemeinsames Lagezentrum.'

function article() {
  return render(
    <article>
      <p>
        <WordText text={P1} transform={hyphenate} />
      </p>
      <p>
        <WordText text={P2} transform={hyphenate} />
      </p>
    </article>,
  )
}

/** jsdom has no ClipboardEvent with data: a stand-in that records what is set. */
function copyEvent(target: EventTarget = document.body) {
  const data = new Map<string, string>()
  let prevented = false
  const event = {
    target,
    clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
    preventDefault: () => (prevented = true),
  } as unknown as ClipboardEvent
  return { event, data, prevented: () => prevented }
}

function select(from: Node, fromOffset: number, to: Node, toOffset: number) {
  const range = document.createRange()
  range.setStart(from, fromOffset)
  range.setEnd(to, toOffset)
  const sel = window.getSelection()!
  sel.removeAllRanges()
  sel.addRange(range)
  return range
}

// jsdom lays nothing out; every element counts as shown
Element.prototype.getClientRects = function () {
  return [{}] as unknown as DOMRectList
}

describe('copying from the reader', () => {
  it('has soft hyphens on the page, and none in the copied text', () => {
    const { container } = article()
    const [p1, p2] = container.querySelectorAll('p')
    expect(hasInvisibles(p1!.textContent!)).toBe(true)
    select(p1!, 0, p2!, p2!.childNodes.length)
    const { event, data, prevented } = copyEvent()
    handleCopy(event)
    expect(prevented()).toBe(true)
    expect(data.get('text/plain')).toBe(`${P1}\n\n${P2}`)
    expect(data.get('text/html')).toBe(`<p>${P1}</p><p>${P2}</p>`)
    expect(hasInvisibles(data.get('text/html')!)).toBe(false)
  })

  it('copies part of a word without its soft hyphens', () => {
    const { container } = article()
    const word = container.querySelector<HTMLElement>('[data-word="Sicherheitsgarantien"]')!
    const text = word.firstChild as Text
    expect(text.data.slice(0, 9)).toBe('Sic\u00adher\u00adh')
    select(text, 0, text, 9)
    expect(rangeText(window.getSelection()!.getRangeAt(0))).toBe('Sicherh')
  })

  it('leaves a copy inside a text field to the browser', () => {
    const input = document.createElement('textarea')
    document.body.append(input)
    const { event, prevented } = copyEvent(input)
    expect(handleCopy(event)).toBe(false)
    expect(prevented()).toBe(false)
    input.remove()
  })

  it('writes plain HTML, escaped', () => {
    expect(paragraphsHtml('a < b & "c"\n\nzweiter')).toBe(
      '<p>a &lt; b &amp; &quot;c&quot;</p><p>zweiter</p>',
    )
  })
})

describe('copy with citation', () => {
  const source = {
    title: 'Ostseestaaten einigen sich auf „Schutzschirm“',
    outlet: 'Hanse-Kurier',
    published: '2025-03-14',
    url: 'https://hanse-kurier.example/ostsee',
  }

  it('quotes German style with outlet, title, date and address', () => {
    const { text, html } = cite('Der Gipfel war ein „Erfolg“, sagte sie.', source, 'de')
    expect(text).toBe(
      '„Der Gipfel war ein ‚Erfolg‘, sagte sie.“\n— Hanse-Kurier, „Ostseestaaten einigen sich auf ‚Schutzschirm‘“, 14. März 2025, https://hanse-kurier.example/ostsee',
    )
    expect(html).toContain(
      '<blockquote><p>„Der Gipfel war ein ‚Erfolg‘, sagte sie.“</p></blockquote>',
    )
    expect(html).toContain('<a href="https://hanse-kurier.example/ostsee">')
  })

  it('quotes English style, and a month-only date', () => {
    const { text } = cite('Ein Satz.', { ...source, published: '2025-03' }, 'en')
    expect(text).toBe(
      '“Ein Satz.”\n— Hanse-Kurier, “Ostseestaaten einigen sich auf ‘Schutzschirm’”, March 2025, https://hanse-kurier.example/ostsee',
    )
  })

  it('gives just the source without a quote, and leaves out what is unknown', () => {
    const { text } = cite(
      '',
      { title: 'Leserbriefe', outlet: null, published: null, url: null },
      'de',
    )
    expect(text).toBe('„Leserbriefe“')
  })
})

describe('copying a table', () => {
  it('keeps cells apart with tabs and rows apart', () => {
    const { container } = render(
      <table>
        <tbody>
          <tr>
            <td>Abkommen</td>
            <td>agreement</td>
          </tr>
          <tr>
            <td>Abrüstung</td>
            <td>disarmament</td>
          </tr>
        </tbody>
      </table>,
    )
    const range = document.createRange()
    range.selectNodeContents(container.querySelector('tbody')!)
    expect(rangeText(range)).toBe('Abkommen\tagreement\nAbrüstung\tdisarmament')
  })
})
