import { memo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlignedArticle } from '../../../../shared/contract/align'
import { formatPublished } from '../../components/format'
import { WordText } from '../glossary/WordText'
import { inSentence, useTextHighlights } from '../notes/useTextHighlights'
import { paragraphStarts, type ColumnModel } from './model'

/**
 * One article of the parallel view: its outlet, date and title on top (with a switch to
 * another article of the story), and its text as sentences. Every sentence is focusable and
 * carries its key (`articleId:index`); every word can be looked up (glossary popovers).
 * No soft hyphens: what is copied from a column is the text as written.
 */
export const ParallelColumn = memo(function ParallelColumn({
  article,
  index,
  model,
  choices,
  onSwap,
  onClose,
  canClose,
}: {
  article: AlignedArticle
  index: number
  model: ColumnModel
  choices: { id: number; label: string }[]
  onSwap: (index: number, article: number) => void
  onClose: (index: number) => void
  canClose: boolean
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const body = useRef<HTMLDivElement>(null)
  // highlights as in the reader: select words to highlight, click a highlight for its note
  const highlights = useTextHighlights(article.id, article.paragraphs, body)
  const starts = paragraphStarts(article.paragraphs)
  const headings = new Set(article.headings)
  const byParagraph = new Map<number, number[]>()
  article.sentences.forEach((s, i) => {
    const list = byParagraph.get(s.paragraph) ?? []
    list.push(i)
    byParagraph.set(s.paragraph, list)
  })
  return (
    <section
      className="pcol"
      aria-label={`${article.outlet ?? ''} ${article.title}`}
      data-article={article.id}
      data-testid="parallel-column"
    >
      <header className="pcol-head" lang={lang}>
        <div className="pcol-meta">
          <select
            className="pcol-swap"
            value={article.id}
            aria-label={t('parallel.swap')}
            title={t('parallel.swap')}
            onChange={(e) => onSwap(index, Number(e.target.value))}
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {canClose && (
            <button
              type="button"
              className="icon-button"
              onClick={() => onClose(index)}
              aria-label={t('parallel.removeColumn')}
              title={t('parallel.removeColumn')}
            >
              ×
            </button>
          )}
        </div>
        <p className="pcol-outlet">
          <span className="outlet">{article.outlet ?? t('stories.noOutlet')}</span>
          {article.published && (
            <time dateTime={article.published}>{formatPublished(article.published, lang)}</time>
          )}
        </p>
        <h2 className="pcol-title" lang="de">
          {article.title}
        </h2>
      </header>
      <div
        className="pcol-body"
        lang="de"
        data-column={index}
        ref={body}
        onClick={highlights.onClick}
      >
        {article.paragraphs.map((text, p) => {
          const sentences = byParagraph.get(p) ?? []
          const content: ReactNode[] = sentences.map((i, k) => {
            const s = article.sentences[i]!
            const key = `${article.id}:${i}`
            const only = model.only.has(key)
            // a run of "only here" sentences is labelled once, on its first (the bar marks each)
            const runGoesOn = k > 0 && model.only.has(`${article.id}:${sentences[k - 1]}`)
            const count = model.partners.get(key)?.length ?? 0
            return (
              <span key={i}>
                {k > 0 && ' '}
                <span
                  className={only ? 'sent only' : 'sent paired'}
                  data-ref={key}
                  data-only-label={only && !runGoesOn ? t('parallel.onlyHere') : undefined}
                  title={only ? t('parallel.onlyHereTitle') : undefined}
                  aria-label={
                    only
                      ? `${t('parallel.sentence', { n: i + 1 })}, ${t('parallel.onlyHere')}`
                      : `${t('parallel.sentence', { n: i + 1 })}, ${t('parallel.partners', { count })}`
                  }
                  tabIndex={-1}
                >
                  <WordText
                    text={s.text}
                    offset={s.start - starts[p]!}
                    decorations={inSentence(
                      highlights.decorations(p),
                      s.start - starts[p]!,
                      s.text.length,
                    )}
                  />
                </span>
              </span>
            )
          })
          return headings.has(p) ? (
            <h3 key={p} data-para={p}>
              {content}
            </h3>
          ) : (
            <p key={p} data-para={p}>
              {content}
            </p>
          )
        })}
      </div>
      {highlights.overlay}
    </section>
  )
})
