import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { WordContext, WordInfo } from '../../../../shared/types'
import { useApi } from '../../api/ApiContext'
import { rememberedLookup, rememberLookup } from './lookupCache'

export interface PopoverTarget {
  /** The word (or multi-word term) to explain. */
  word: string
  /** Where the word is on screen: the popover never covers it. */
  rect: { top: number; bottom: number; left: number; right: number }
  pinned: boolean
  /** The text around the word (for separable verbs: "kam … heraus"). */
  context?: WordContext
  /** Opened from the keyboard: the popover takes the focus and keeps Tab inside it. */
  keyboard?: boolean
}

const MARGIN = 8
const WIDTH = 360

/**
 * Where the popover goes: below the word if it fits, else above; never past the window's
 * edges, never over the word. A word scrolled (partly) out of the window keeps its popover
 * inside the window: at the edge nearest the word (issue 12: a keyboard popover ended up at
 * top −151 px, its focused button out of sight).
 */
export function placePopover(
  rect: PopoverTarget['rect'],
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number; maxHeight: number; side: 'below' | 'above' } {
  const width = Math.min(size.width, viewport.width - 2 * MARGIN)
  const left = Math.max(MARGIN, Math.min(rect.left, viewport.width - width - MARGIN))
  const room = Math.max(80, viewport.height - 2 * MARGIN)
  const below = viewport.height - rect.bottom - 2 * MARGIN
  const above = rect.top - 2 * MARGIN
  if (size.height <= below || below >= above) {
    const maxHeight = Math.min(room, Math.max(80, below))
    const top = Math.max(MARGIN, Math.min(rect.bottom + MARGIN, viewport.height - MARGIN - 80))
    return {
      left,
      top,
      maxHeight: Math.min(maxHeight, viewport.height - MARGIN - top),
      side: 'below',
    }
  }
  const maxHeight = Math.min(room, above)
  const height = Math.min(size.height, maxHeight)
  const top = Math.max(
    MARGIN,
    Math.min(rect.top - MARGIN - height, viewport.height - MARGIN - height),
  )
  return { left, top, maxHeight, side: 'above' }
}

/** The word's explanation: article and gender, plural, gloss, parts, occurrences, own note. */
export function WordPopover({
  target,
  onClose,
  onOpenArticle,
  onEditTerm,
  onLookup,
  onPointerEnter,
  onPointerLeave,
  currentArticle = null,
  actions,
}: {
  target: PopoverTarget
  onClose: () => void
  onOpenArticle: (id: number, lemma: string) => void
  onEditTerm: (info: WordInfo) => void
  onLookup: (word: string) => void
  onPointerEnter?: () => void
  onPointerLeave?: () => void
  /** The article being read: marked as such among the occurrences. */
  currentArticle?: number | null
  /** Actions of other rooms for the explained word (study: save it, set its status). */
  actions?: (info: WordInfo) => ReactNode
}) {
  const { t } = useTranslation()
  const api = useApi()
  const cacheKey = target.context
    ? `${target.word}\u0000${target.context.offset}\u0000${currentArticle}\u0000${target.context.text}`
    : target.word
  const [info, setInfo] = useState<WordInfo | null>(() => rememberedLookup(cacheKey) ?? null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden', left: 0, top: 0 })

  // opened from the keyboard: focus into the popover (Escape gives it back to the word), once
  // it is placed (a hidden element cannot take the focus)
  const wantsFocus = useRef(Boolean(target.keyboard))
  useEffect(() => {
    if (!wantsFocus.current || style.visibility === 'hidden') return
    wantsFocus.current = false
    box.current?.focus({ preventScroll: true })
  }, [style])

  /** Tab and Shift+Tab go round the popover's controls instead of into the page behind. */
  const keepTabInside = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || !box.current) return
    const controls = [
      ...box.current.querySelectorAll<HTMLElement>(
        'button, a[href], textarea, input, select, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0)
    if (controls.length === 0) return
    const at = controls.indexOf(document.activeElement as HTMLElement)
    const next = e.shiftKey
      ? at <= 0
        ? controls.length - 1
        : at - 1
      : at < 0 || at === controls.length - 1
        ? 0
        : at + 1
    e.preventDefault()
    controls[next]!.focus({ preventScroll: true })
    controls[next]!.scrollIntoView?.({ block: 'nearest' })
  }

  useEffect(() => {
    let live = true
    // the article: a name introduced in an earlier paragraph stays a name ("Kern sagte")
    const context =
      target.context && currentArticle !== null
        ? { ...target.context, article: currentArticle }
        : target.context
    api.call('lexicon.lookup', { word: target.word, context }).then(
      (r) => {
        rememberLookup(cacheKey, r)
        if (live) setInfo(r)
      },
      (err: Error) => live && setError(err.message),
    )
    return () => {
      live = false
    }
  }, [api, target.word, target.context, currentArticle, cacheKey])

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const place = placePopover(
      target.rect,
      { width: WIDTH, height: el.scrollHeight },
      { width: window.innerWidth, height: window.innerHeight },
    )
    setStyle({
      left: place.left,
      top: place.top,
      maxHeight: place.maxHeight,
      width: Math.min(WIDTH, window.innerWidth - 16),
    })
  }, [target.rect, info, error])

  const saveNote = async (value: string) => {
    if (!info?.lemma || value === (info.note ?? '')) return
    const r = await api.call('lexicon.note', { lemma: info.lemma, note: value })
    const updated = { ...info, note: r.note }
    rememberLookup(cacheKey, updated)
    setInfo(updated)
  }

  const sourceLabel = info?.source ? t(`glossary.source.${info.source}`) : null
  // the genitive when it differs from the headword; the plural also when it does not
  // ("die Gipfeltreffen"), except for plural-only nouns, which say so on their own line
  const genitive = info?.genitive && info.genitive !== info.lemma ? info.genitive : null
  const plural = info?.plural && info.gender !== 'pl' ? info.plural : null
  return (
    <div
      ref={box}
      className={target.pinned ? 'popover pinned' : 'popover'}
      role="dialog"
      aria-label={t('popover.label', { word: target.word })}
      style={style}
      tabIndex={-1}
      onKeyDown={keepTabInside}
      data-testid="word-popover"
      onMouseEnter={onPointerEnter}
      onMouseLeave={onPointerLeave}
    >
      <button
        type="button"
        className="icon-button popover-close"
        onClick={onClose}
        aria-label={t('actions.close')}
        title={t('actions.close')}
      >
        ×
      </button>
      {error && <p className="error">{t('errors.generic', { message: error })}</p>}
      {!info && !error && <p className="muted">{t('popover.loading')}</p>}
      {info && (
        <>
          <p className="popover-head" lang="de">
            {info.found ? (
              <>
                {info.article && <span className="article-word">{info.article}</span>}{' '}
                <strong>{info.lemma}</strong>
              </>
            ) : (
              <strong>{info.query}</strong>
            )}
            {info.pos && (
              <span className="pos">
                {t(`glossary.pos.${info.pos}`, { defaultValue: info.pos })}
              </span>
            )}
          </p>
          {info.separable && (
            <p className="popover-line" lang="de">
              {t(info.via === 'phrase' ? 'popover.phrase' : 'popover.separable', {
                parts: info.separable,
              })}
            </p>
          )}
          {(genitive || plural) && (
            <p className="popover-line" lang="de">
              {genitive && (
                <>
                  {t('popover.genitive')} <em>{genitive}</em>
                </>
              )}
              {genitive && plural && ' · '}
              {plural && (
                <>
                  {t('popover.plural')} <em>{plural}</em>
                </>
              )}
            </p>
          )}
          {info.gender === 'pl' && <p className="popover-line">{t('popover.pluralOnly')}</p>}
          {info.found ? (
            <>
              {info.gloss && (
                <p className="gloss" lang="en">
                  {info.gloss}
                </p>
              )}
              {info.explanation && (
                <p className="explanation" lang="de">
                  {info.explanation}
                </p>
              )}
            </>
          ) : (
            <p className="muted">{t('popover.unknown')}</p>
          )}
          {info.parts.length > 1 && (
            <p className="parts" lang="de">
              <span className="label">{t('popover.parts')}</span>
              {info.parts.map((p, i) =>
                /^[a-zäöü]{1,3}$/.test(p) ? (
                  <span key={i} className="link-element">
                    {p}
                  </span>
                ) : (
                  <button
                    key={i}
                    type="button"
                    className="part"
                    onClick={() => onLookup(p)}
                    title={t('popover.partLabel', { part: p })}
                  >
                    {p}
                  </button>
                ),
              )}
            </p>
          )}
          {info.more.length > 0 && (
            <details className="more-meanings">
              <summary>{t('popover.more', { count: info.more.length })}</summary>
              <ul>
                {info.more.map((m) => (
                  <li key={m.id} lang="de">
                    <strong>{m.lemma}</strong> <span lang="en">{m.gloss}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="occurrences">
            <p className="label">
              {info.occurrences.common
                ? t('popover.commonWord')
                : info.occurrences.total
                  ? t(
                      info.occurrences.approximate
                        ? 'popover.occurrencesAbout'
                        : 'popover.occurrences',
                      {
                        count: info.occurrences.total,
                      },
                    )
                  : t('popover.noOccurrences')}
            </p>
            {info.occurrences.articles.length > 0 && (
              <ul>
                {info.occurrences.articles.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      className="link"
                      lang="de"
                      onClick={() => onOpenArticle(a.id, info.lemma ?? info.query)}
                    >
                      {a.title}
                    </button>
                    {a.outlet && <span className="muted"> · {a.outlet}</span>}
                    {a.id === currentArticle && (
                      <span className="muted"> · {t('popover.thisArticle')}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {target.pinned && info.lemma && (
            <label className="note">
              <span className="label">{t('popover.note')}</span>
              <textarea
                rows={2}
                value={note ?? info.note ?? ''}
                placeholder={t('popover.notePlaceholder')}
                onChange={(e) => setNote(e.target.value)}
                onBlur={(e) => void saveNote(e.target.value).then(() => setNote(null))}
              />
            </label>
          )}
          {actions?.(info)}
          <footer className="popover-foot">
            {sourceLabel && <span className="muted">{sourceLabel}</span>}
            {target.pinned && (
              <button type="button" className="link" onClick={() => onEditTerm(info)}>
                {info.source === 'user' ? t('popover.editTerm') : t('popover.addTerm')}
              </button>
            )}
          </footer>
        </>
      )}
    </div>
  )
}
