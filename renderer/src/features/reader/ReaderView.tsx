import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail, TermMatch, WordInfo } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { ApiCallError } from '../../api/client'
import { formatPublished } from '../../components/format'
import { CopyCitationButton } from '../copy/CopyCitationButton'
import { draftFromWord, TermEditor, type TermDraft } from '../glossary/TermEditor'
import { WordPopover } from '../glossary/WordPopover'
import { WordText } from '../glossary/WordText'
import { useWordPopover } from '../glossary/useWordPopover'
import { PopoverStudyActions, ReaderStudyBar } from '../study/ReaderStudy'
import { useStudyReader } from '../study/useStudyReader'
import { FurnitureDialog } from '../furniture/FurnitureDialog'
import { useReaderNotes } from '../notes/useReaderNotes'
import { Comments } from './Comments'
import { FindBar } from './FindBar'
import { useFind } from './useFind'
import { useGermanHyphenation } from './hyphenation'
import { FONT_SIZES, useFontSize } from './useFontSize'

/** One article as clean German text: metadata above, reader comments collapsed below. */
export function ReaderView({
  id,
  query = null,
  highlight = null,
  onBack,
  onOpenArticle,
  actions,
}: {
  id: number
  query?: string | null
  /** A highlight to show: scrolled to and its card active (from the notes overview). */
  highlight?: number | null
  onBack: () => void
  /** Opens another article with a word highlighted (from the popover's occurrences). */
  onOpenArticle?: (id: number, query: string) => void
  /** More actions for the toolbar, from other rooms (add to story, translation, …). */
  actions?: (article: ArticleDetail) => ReactNode
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)
  const font = useFontSize()
  const hyphenate = useGermanHyphenation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const find = useFind(id, query)
  const [findOpen, setFindOpen] = useState(Boolean(query))
  const [commentsOpen, setCommentsOpen] = useState(false)
  const page = useRef<HTMLDivElement>(null)
  const [terms, setTerms] = useState<{ title: TermMatch[]; paragraphs: TermMatch[][] } | null>(null)
  const [termsVersion, setTermsVersion] = useState(0)
  const popover = useWordPopover(page, article !== null)
  const study = useStudyReader(id, page, popover.target)
  const [draft, setDraft] = useState<TermDraft | null>(null)
  // another process changed the library: the article is read again (it may have changed or gone)
  const [external, setExternal] = useState(0)
  useApiEvent(
    'library.changed',
    useCallback((p: { reason: string }) => {
      if (p.reason === 'external') setExternal((v) => v + 1)
    }, []),
  )
  // page furniture: the dialog; a version that reloads the article after a change (furniture
  // removed, a newer version of the text)
  const [furnitureOpen, setFurnitureOpen] = useState(false)
  const [version, setVersion] = useState(0)
  // highlights, notes and versions (notes room)
  const notes = useReaderNotes(article, page, () => setVersion((v) => v + 1), highlight)

  // Ctrl/Cmd+F: find in this article
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault()
        setFindOpen(true)
        requestAnimationFrame(() =>
          page.current?.querySelector<HTMLInputElement>('.find-input')?.focus(),
        )
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // the current match: scrolled into view (and the comments open when it is in one)
  const { current: currentMark, matches: found } = find
  const inComment = find.marks !== null && currentMark >= find.marks.firstComment
  useEffect(() => {
    if (currentMark < 0 || !article) return
    requestAnimationFrame(() =>
      page.current
        ?.querySelector(`mark[data-mark="${currentMark}"]`)
        ?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }),
    )
  }, [currentMark, found, article])

  useEffect(() => {
    // the view is keyed by id, so state starts empty for each article
    let live = true
    api
      .call('article.get', { id })
      .then((a) => {
        if (!live) return
        // the same text stays the same object: nothing re-renders, the page does not jump
        setArticle((shown) => (shown && JSON.stringify(shown) === JSON.stringify(a) ? shown : a))
        setError(null)
      })
      .catch((err: Error) => {
        const code = err instanceof ApiCallError ? err.code : 'internal'
        // when reading again, only an article that is gone replaces the text shown
        if (live && (external === 0 || code === 'not_found'))
          setError({ code, message: err.message })
      })
    return () => {
      live = false
    }
  }, [api, id, external, version])

  // glossary terms in the text, marked subtly (again after an own term was saved)
  useEffect(() => {
    let live = true
    api.call('lexicon.terms', { id }).then(
      (r) => live && setTerms(r),
      () => live && setTerms(null),
    )
    return () => {
      live = false
    }
  }, [api, id, termsVersion, external, version])

  const editTerm = (info: WordInfo) => {
    // the word takes the focus back, and gets it again when the editor closes
    popover.close(true)
    setDraft(draftFromWord(info))
  }

  // opened from a list row or a button that is gone now (keyboard users): into the text, so
  // Space and the arrow keys read on and Tab goes on to the words
  const loaded = article !== null
  useEffect(() => {
    if (!loaded) return
    if (document.activeElement === document.body || document.activeElement === null)
      page.current?.querySelector<HTMLElement>('.article-body')?.focus({ preventScroll: true })
  }, [loaded])

  useEffect(() => {
    if (article) document.title = `${article.title} – Lesesaal`
    return () => {
      document.title = 'Lesesaal'
    }
  }, [article])

  const remove = async () => {
    if (!article) return
    // the user's highlights and notes go with the article: the question says so
    const question = notes.count
      ? t('notes.confirmDeleteWithNotes', { title: article.title, count: notes.count })
      : t('reader.confirmDelete', { title: article.title })
    if (!window.confirm(question)) return
    await api.call('article.delete', { id: article.id })
    onBack()
  }

  const openOriginal = async (url: string) => {
    const info = await api.call('app.info', {})
    if (info.canOpenExternal) await api.call('app.openExternal', { url })
    else window.open(url, '_blank', 'noopener,noreferrer')
  }

  const toolbar = (
    <div className="reader-toolbar">
      <button type="button" className="button ghost" onClick={onBack}>
        ← {query ? t('actions.backToResults') : t('actions.back')}
      </button>
      <div className="spacer" />
      {article && findOpen && (
        <FindBar
          find={find}
          onClose={() => {
            setFindOpen(false)
            find.setQuery('')
          }}
        />
      )}
      {article && !findOpen && (
        <button
          type="button"
          className="icon-button"
          onClick={() => setFindOpen(true)}
          aria-label={t('find.label')}
          title={t('find.label')}
        >
          ⌕
        </button>
      )}
      {article && actions?.(article)}
      {article && (
        <>
          {notes.toolbarButton}
          <CopyCitationButton article={article} within={page} />
          <div className="font-size" role="group" aria-label={t('reader.fontSize')}>
            <button
              type="button"
              className="icon-button"
              onClick={font.smaller}
              disabled={font.step === 0}
              aria-label={t('reader.fontSmaller')}
              title={t('reader.fontSmaller')}
            >
              A−
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={font.larger}
              disabled={font.step === FONT_SIZES.length - 1}
              aria-label={t('reader.fontLarger')}
              title={t('reader.fontLarger')}
            >
              A+
            </button>
          </div>
          <button
            type="button"
            className="button ghost"
            onClick={() => setFurnitureOpen(true)}
            title={t('furniture.openTitle')}
          >
            {t('furniture.open')}
          </button>
          <button type="button" className="button ghost danger" onClick={remove}>
            {t('actions.delete')}
          </button>
        </>
      )}
    </div>
  )

  if (error) {
    return (
      <div className="reader">
        {toolbar}
        <p className="error" role="alert">
          {error.code === 'not_found'
            ? t('reader.notFound')
            : t('errors.generic', { message: error.message })}
        </p>
      </div>
    )
  }
  if (!article) {
    return (
      <div className="reader">
        {toolbar}
        <p className="muted loading">{t('reader.loading')}</p>
      </div>
    )
  }

  const headings = new Set(article.headings)
  const published = formatPublished(article.published, lang)
  const style = { '--reader-size': `${font.size}px` } as CSSProperties
  const m = find.matches
  const marks = find.marks
  return (
    <div className={notes.open ? 'reader with-notes' : 'reader'} style={style} ref={page}>
      {toolbar}
      <article className="article" lang="de" data-testid="article" onClick={notes.onTextClick}>
        <header className="article-header">
          {article.kicker && <p className="kicker">{article.kicker}</p>}
          <h1 className="article-title">
            <WordText
              text={article.title}
              marks={m?.title ?? []}
              terms={terms?.title ?? []}
              firstMark={0}
              current={find.current}
              wordClass={study.wordClass}
            />
          </h1>
          <p className="article-meta" lang={lang}>
            {article.outlet && <span className="outlet">{article.outlet}</span>}
            {published && <time dateTime={article.published ?? undefined}>{published}</time>}
            {article.author && (
              <span className="author">{t('reader.by', { author: article.author })}</span>
            )}
            {article.dateline && <span className="dateline">{article.dateline}</span>}
            <span className="words">{t('reader.words', { count: article.words })}</span>
          </p>
          <ReaderStudyBar study={study} />
        </header>
        <div className="article-body" tabIndex={0} aria-label={t('reader.textLabel')}>
          {article.paragraphs.map((p, i) => {
            const text = (
              <WordText
                text={p}
                marks={m?.paragraphs[i] ?? []}
                terms={terms?.paragraphs[i] ?? []}
                transform={headings.has(i) ? undefined : hyphenate}
                firstMark={marks?.paragraphs[i] ?? 0}
                current={find.current}
                wordClass={study.wordClass}
                decorations={notes.decorations(i)}
              />
            )
            return headings.has(i) ? (
              <h2 key={i} data-para={i}>
                {text}
              </h2>
            ) : (
              <p key={i} data-para={i}>
                {text}
              </p>
            )
          })}
        </div>
        <footer className="article-footer" lang={lang}>
          {article.url && (
            <button type="button" className="link" onClick={() => void openOriginal(article.url!)}>
              {t('reader.original')}
            </button>
          )}
          <span className="muted">
            {article.source.kind === 'paste'
              ? t('reader.pasted')
              : t('reader.source', { name: baseName(article.source.name) })}
            {article.source.encoding && article.source.encoding !== 'utf-8' && (
              <> · {t('reader.encoding', { encoding: article.source.encoding })}</>
            )}
          </span>
        </footer>
      </article>
      {article.comments.length > 0 && (
        <Comments
          comments={article.comments}
          lang={lang}
          hyphenate={hyphenate}
          matches={m?.comments}
          firstMarks={marks?.comments}
          current={find.current}
          open={commentsOpen || inComment}
          onToggle={setCommentsOpen}
        />
      )}
      {notes.aside}
      {notes.overlay}
      {popover.target && (
        <WordPopover
          key={`${popover.target.word}\u0000${popover.target.pinned}`}
          target={popover.target}
          onClose={() => popover.close(true)}
          onLookup={popover.lookUp}
          onOpenArticle={(other, lemma) => {
            popover.close()
            onOpenArticle?.(other, lemma)
          }}
          onEditTerm={editTerm}
          onPointerEnter={popover.keepOpen}
          onPointerLeave={popover.leave}
          currentArticle={id}
          actions={(info) => (
            <PopoverStudyActions info={info} study={study} context={popover.target?.context} />
          )}
        />
      )}
      {furnitureOpen && (
        <FurnitureDialog
          article={article}
          onClose={() => setFurnitureOpen(false)}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
      {draft && (
        <TermEditor
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null)
            setTermsVersion((v) => v + 1)
          }}
        />
      )}
    </div>
  )
}

function baseName(name: string | null): string {
  return name ? name.split(/[\\/]/).pop()! : ''
}
