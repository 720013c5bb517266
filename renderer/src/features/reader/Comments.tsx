import { useTranslation } from 'react-i18next'
import type { ReaderComment } from '../../../../shared/types'
import { formatPublished } from '../../components/format'

/** Reader comments, collapsed below the article: kept, but never mixed into it. */
export function Comments({
  comments,
  lang,
  hyphenate,
}: {
  comments: ReaderComment[]
  lang: string
  hyphenate: (text: string) => string
}) {
  const { t } = useTranslation()
  return (
    <details className="comments" data-testid="comments">
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
            <div className="comment-text" lang="de">
              {c.text.split('\n').map((line, k) => (
                <p key={k}>{hyphenate(line)}</p>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </details>
  )
}
