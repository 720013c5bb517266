import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alignment } from '../../../../shared/contract/align'
import type { WordInfo } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { draftFromWord, TermEditor, type TermDraft } from '../glossary/TermEditor'
import { WordPopover } from '../glossary/WordPopover'
import { useWordPopover } from '../glossary/useWordPopover'
import { describeError } from '../stories/describeError'
import { columnModel } from './model'
import { ParallelColumn } from './ParallelColumn'
import { useParallel } from './useParallel'

/** Columns the view opens with when none are named. */
const DEFAULT_COLUMNS = 3

/** The articles to show, as "1,2,3": those asked for that the story has, else its first ones. */
function columnsKey(alignment: Alignment | null, wanted: readonly number[]): string {
  const ids = alignment?.articles.map((a) => a.id) ?? []
  const valid = wanted.filter((c) => ids.includes(c))
  return (valid.length >= 2 ? valid : ids.slice(0, DEFAULT_COLUMNS)).join(',')
}

/**
 * A story's articles side by side, sentence against sentence: pointing at a sentence marks
 * the sentences of the other columns that report the same fact; what only one article says
 * is marked "only here". 2–4 columns fit the window, more scroll sideways.
 */
export function ParallelView({
  storyId,
  columns: wanted,
  onColumns,
  onBack,
  onOpenArticle,
}: {
  storyId: number
  /** The articles shown, in column order (empty: the first ones of the story). */
  columns: number[]
  onColumns: (columns: number[]) => void
  onBack: () => void
  onOpenArticle: (id: number, query: string) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [alignment, setAlignment] = useState<Alignment | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [onlyDiff, setOnlyDiff] = useState(false)
  const [draft, setDraft] = useState<TermDraft | null>(null)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let live = true
    api.call('align.story', { id: storyId }).then(
      (a) => live && setAlignment(a),
      (err: unknown) => live && setError(describeError(t, err)),
    )
    return () => {
      live = false
    }
  }, [api, storyId, t])

  // the columns as a string, so an equal list from a new route is the same list
  const key = columnsKey(alignment, wanted)
  const columns = useMemo(() => (key ? key.split(',').map(Number) : []), [key])
  const ids = alignment?.articles.map((a) => a.id) ?? []
  const model = useMemo(
    () => (alignment ? columnModel(alignment, columns) : null),
    [alignment, columns],
  )
  useParallel(root, model, columns)
  const popover = useWordPopover(root, model !== null)

  if (error)
    return (
      <div className="parallel-view">
        <button type="button" className="button ghost" onClick={onBack}>
          {t('parallel.back')}
        </button>
        <p className="error" role="alert">
          {error}
        </p>
      </div>
    )
  if (!alignment || !model) return <p className="muted loading">{t('parallel.loading')}</p>

  const byId = new Map(alignment.articles.map((a) => [a.id, a]))
  const choices = alignment.articles.map((a) => ({
    id: a.id,
    label: `${a.outlet ?? t('stories.noOutlet')} – ${a.title}`,
  }))
  const swap = (index: number, article: number) => {
    const next = [...columns]
    const other = next.indexOf(article)
    if (other >= 0) next[other] = next[index]!
    next[index] = article
    onColumns(next)
  }
  const close = (index: number) => onColumns(columns.filter((_, i) => i !== index))
  const hidden = ids.filter((id) => !columns.includes(id))
  const editTerm = (info: WordInfo) => {
    // the word takes the focus back, and gets it again when the editor closes
    popover.close(true)
    setDraft(draftFromWord(info))
  }

  return (
    <div className="parallel-view">
      <div className="parallel-bar">
        <button type="button" className="button ghost" onClick={onBack}>
          {t('parallel.back')}
        </button>
        <h1 className="parallel-heading">{t('parallel.heading')}</h1>
        <label className="switch">
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => setOnlyDiff(e.target.checked)}
          />
          {t('parallel.onlyDifferences')}
        </label>
        {hidden.length > 0 && (
          <select
            className="add-column"
            value=""
            aria-label={t('parallel.addColumn')}
            onChange={(e) => e.target.value && onColumns([...columns, Number(e.target.value)])}
          >
            <option value="">+ {t('parallel.addColumn')}</option>
            {hidden.map((id) => (
              <option key={id} value={id}>
                {choices.find((c) => c.id === id)!.label}
              </option>
            ))}
          </select>
        )}
        <span className="keys muted">{t('parallel.keys')}</span>
      </div>
      <div
        ref={root}
        className={onlyDiff ? 'parallel-columns only-diff' : 'parallel-columns'}
        style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(340px, 1fr))` }}
        data-testid="parallel"
      >
        {columns.map((id, i) => (
          <ParallelColumn
            key={`${i}:${id}`}
            article={byId.get(id)!}
            index={i}
            model={model}
            choices={choices}
            onSwap={swap}
            onClose={close}
            canClose={columns.length > 2}
          />
        ))}
      </div>
      {popover.target && (
        <WordPopover
          key={`${popover.target.word}\u0000${popover.target.pinned}`}
          target={popover.target}
          onClose={() => popover.close(true)}
          onLookup={popover.lookUp}
          onOpenArticle={(other, lemma) => {
            popover.close()
            onOpenArticle(other, lemma)
          }}
          onEditTerm={editTerm}
          onPointerEnter={popover.keepOpen}
          onPointerLeave={popover.leave}
        />
      )}
      {draft && (
        <TermEditor draft={draft} onClose={() => setDraft(null)} onSaved={() => setDraft(null)} />
      )}
    </div>
  )
}
