import { useTranslation } from 'react-i18next'
import type { ReaderComment, TextRange } from '../../../../shared/types'
import { WordText } from '../glossary/WordText'
import { formatPublished } from '../../components/format'

/** Reader comments, collapsed below the article: kept, but never mixed into it. */
export function Comments({
  comments,
  lang,
  hyphenate,
  matches,
  firstMarks,
  current = -1,
  open,
  onToggle,
}: {
  comments: ReaderComment[]
  lang: string
  hyphenate: (text: string) => string
  /** Find matches per comment (offsets into title + ' ' + text, as the search indexes it). */
  matches?: TextRange[][]
  firstMarks?: number[]
  current?: number
  open?: boolean
  onToggle?: (open: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <details
      className="comments"
      data-testid="comments"
      open={open}
      onToggle={(e) => onToggle?.((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('reader.comments', { count: comments.length })}</summary>
      <p className="muted note">{t('reader.commentsNote')}</p>
      <ol>
        {comments.map((c, i) => (
          <li key={i} className="comment">
            <p className="comment-head">
              <span className="comment-author">{c.author ?? t('reader.anonymous')}</span>
              {c.posted && <time dateTime={c.posted}>{formatPublished(c.posted, lang)}</time>}
            </p>
            {c.title && (
              <p className="comment-title" lang="de">
                {c.title}
              </p>
            )}
            <p className="comment-text" lang="de">
              <WordText
                text={c.text}
                marks={matches?.[i] ?? []}
                transform={hyphenate}
                firstMark={firstMarks?.[i] ?? 0}
                current={current}
              />
            </p>
          </li>
        ))}
      </ol>
    </details>
  )
}
