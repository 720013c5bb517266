import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  Bead,
  Sentence,
  TranslationAlignment,
  TranslationSummary,
} from '../../../../shared/contract/align'
import { paragraphStarts } from '../../../../shared/text'
import { useApi } from '../../api/ApiContext'
import { WordText } from '../glossary/WordText'
import { inSentence, useTextHighlights } from '../notes/useTextHighlights'
import { describeError } from '../stories/describeError'
import { AddTranslation } from './AddTranslation'

type Correction =
  | { op: 'join'; bead: number }
  | { op: 'split'; bead: number; source: number; translation: number }
  | { op: 'move'; bead: number; side: 'source' | 'translation'; direction: 'up' | 'down' }
  | { op: 'reset' }

/**
 * An article beside its translation, sentence by sentence (side by side or interlinear). Each
 * link (bead) can be corrected: joined with the next, split, a sentence moved to the
 * neighbouring link. Corrections are kept when the texts are aligned again.
 */
export function TranslationView({ articleId, onBack }: { articleId: number; onBack: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [list, setList] = useState<TranslationSummary[] | null>(null)
  const [chosen, setChosen] = useState<number | null>(null)
  const [result, setResult] = useState<{ id: number; data: TranslationAlignment } | null>(null)
  const aligned = result && result.id === chosen ? result.data : null
  const [layout, setLayout] = useState<'side' | 'interlinear'>('side')
  const [error, setError] = useState<string | null>(null)
  // the German side takes highlights as in the reader (offsets into the article's text)
  const [paragraphs, setParagraphs] = useState<string[]>([])
  const beadsRef = useRef<HTMLOListElement>(null)
  const highlights = useTextHighlights(articleId, paragraphs, beadsRef)
  useEffect(() => {
    let live = true
    api.call('article.get', { id: articleId }).then(
      (a) => live && setParagraphs(a.paragraphs),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, articleId])
  const starts = paragraphStarts(paragraphs)
  const sourceText = (s: Sentence): ReactNode =>
    starts[s.paragraph] === undefined ? (
      s.text
    ) : (
      <span data-para={s.paragraph}>
        <WordText
          text={s.text}
          offset={s.start - starts[s.paragraph]!}
          decorations={inSentence(
            highlights.decorations(s.paragraph),
            s.start - starts[s.paragraph]!,
            s.text.length,
          )}
        />
      </span>
    )

  const load = useCallback(() => {
    api.call('translation.list', { id: articleId }).then(
      (l) => {
        setList(l)
        setChosen((c) => (c !== null && l.some((x) => x.id === c) ? c : (l.at(-1)?.id ?? null)))
      },
      (err: unknown) => setError(describeError(t, err)),
    )
  }, [api, articleId, t])
  useEffect(load, [load])

  useEffect(() => {
    if (chosen === null) return
    let live = true
    api.call('translation.get', { id: chosen }).then(
      (a) => live && setResult({ id: chosen, data: a }),
      (err: unknown) => live && setError(describeError(t, err)),
    )
    return () => {
      live = false
    }
  }, [api, chosen, t])

  const correct = async (c: Correction) => {
    if (chosen === null) return
    try {
      setResult({ id: chosen, data: await api.call('translation.correct', { id: chosen, ...c }) })
    } catch (err) {
      setError(describeError(t, err))
    }
  }
  const remove = async () => {
    if (chosen === null || !window.confirm(t('translation.confirmDelete'))) return
    await api.call('translation.delete', { id: chosen })
    setChosen(null)
    load()
  }

  const back = (
    <button type="button" className="button ghost" onClick={onBack}>
      {t('translation.back')}
    </button>
  )
  if (error)
    return (
      <div className="translation-view">
        {back}
        <p className="error" role="alert">
          {error}
        </p>
      </div>
    )
  if (!list) return <p className="muted loading">{t('translation.loading')}</p>
  if (list.length === 0)
    return (
      <div className="translation-view">
        {back}
        <AddTranslation articleId={articleId} onAdded={(id) => (setChosen(id), load())} />
      </div>
    )
  return (
    <div className="translation-view">
      <div className="translation-bar">
        {back}
        <h1 className="translation-heading" lang="de">
          {aligned?.source.title ?? t('translation.heading')}
        </h1>
        {list.length > 1 && (
          <select
            value={chosen ?? ''}
            onChange={(e) => setChosen(Number(e.target.value))}
            aria-label={t('translation.heading')}
          >
            {list.map((x) => (
              <option key={x.id} value={x.id}>
                {x.lang} · {x.name ?? x.addedAt.slice(0, 10)}
              </option>
            ))}
          </select>
        )}
        <div className="segmented" role="group">
          <button type="button" aria-pressed={layout === 'side'} onClick={() => setLayout('side')}>
            {t('translation.sideBySide')}
          </button>
          <button
            type="button"
            aria-pressed={layout === 'interlinear'}
            onClick={() => setLayout('interlinear')}
          >
            {t('translation.interlinear')}
          </button>
        </div>
        <button
          type="button"
          className="button ghost"
          onClick={() => void correct({ op: 'reset' })}
        >
          {t('translation.reset')}
        </button>
        <button type="button" className="button ghost danger" onClick={() => void remove()}>
          {t('translation.delete')}
        </button>
      </div>
      {!aligned ? (
        <p className="muted loading">{t('translation.loading')}</p>
      ) : (
        <ol
          className={`beads ${layout}`}
          data-testid="beads"
          ref={beadsRef}
          onClick={highlights.onClick}
        >
          {aligned.beads.map((b, i) => (
            <BeadRow
              key={`${b.source.join(',')}>${b.translation.join(',')}`}
              bead={b}
              index={i}
              last={i === aligned.beads.length - 1}
              aligned={aligned}
              onCorrect={(c) => void correct(c)}
              sourceText={sourceText}
            />
          ))}
        </ol>
      )}
      {highlights.overlay}
    </div>
  )
}

function BeadRow({
  bead,
  index,
  last,
  aligned,
  onCorrect,
  sourceText,
}: {
  bead: Bead
  index: number
  last: boolean
  aligned: TranslationAlignment
  onCorrect: (c: Correction) => void
  /** A German sentence with its words (for popovers and highlights). */
  sourceText: (s: Sentence) => ReactNode
}) {
  const { t } = useTranslation()
  const side = (which: 'source' | 'translation') => {
    const list = bead[which]
    const sentences = which === 'source' ? aligned.source.sentences : aligned.translation.sentences
    return (
      <div
        className={`bead-side ${which}`}
        lang={which === 'source' ? 'de' : aligned.translation.lang}
      >
        {list.length === 0 && <span className="muted">{t('translation.none')}</span>}
        {list.map((n, k) => (
          <span key={n} className="bead-sentence">
            {k > 0 && (
              <button
                type="button"
                className="split"
                title={t('translation.split')}
                aria-label={t('translation.split')}
                onClick={() =>
                  onCorrect({
                    op: 'split',
                    bead: index,
                    source: which === 'source' ? n : (bead.source.at(-1) ?? -1) + 1,
                    translation: which === 'translation' ? n : (bead.translation.at(-1) ?? -1) + 1,
                  })
                }
              >
                ✂
              </button>
            )}
            {which === 'source' ? sourceText(sentences[n]!) : sentences[n]!.text}{' '}
          </span>
        ))}
      </div>
    )
  }
  const move = (which: 'source' | 'translation', direction: 'up' | 'down') =>
    onCorrect({ op: 'move', bead: index, side: which, direction })
  return (
    <li className={bead.fixed ? 'bead fixed' : 'bead'} data-testid="bead">
      {side('source')}
      {side('translation')}
      <div className="bead-tools">
        {bead.fixed && (
          <span className="badge" title={t('translation.fixed')}>
            ✎ {t('translation.fixed')}
          </span>
        )}
        {index > 0 && bead.source.length > 0 && (
          <button
            type="button"
            className="icon-button"
            title={t('translation.moveUp')}
            aria-label={`${t('translation.moveUp')} (de)`}
            onClick={() => move('source', 'up')}
          >
            de ↑
          </button>
        )}
        {!last && bead.source.length > 0 && (
          <button
            type="button"
            className="icon-button"
            title={t('translation.moveDown')}
            aria-label={`${t('translation.moveDown')} (de)`}
            onClick={() => move('source', 'down')}
          >
            de ↓
          </button>
        )}
        {index > 0 && bead.translation.length > 0 && (
          <button
            type="button"
            className="icon-button"
            title={t('translation.moveUp')}
            aria-label={`${t('translation.moveUp')} (${aligned.translation.lang})`}
            onClick={() => move('translation', 'up')}
          >
            {aligned.translation.lang} ↑
          </button>
        )}
        {!last && bead.translation.length > 0 && (
          <button
            type="button"
            className="icon-button"
            title={t('translation.moveDown')}
            aria-label={`${t('translation.moveDown')} (${aligned.translation.lang})`}
            onClick={() => move('translation', 'down')}
          >
            {aligned.translation.lang} ↓
          </button>
        )}
        {!last && (
          <button
            type="button"
            className="icon-button"
            title={t('translation.join')}
            aria-label={t('translation.join')}
            onClick={() => onCorrect({ op: 'join', bead: index })}
          >
            ⤓
          </button>
        )}
      </div>
    </li>
  )
}
