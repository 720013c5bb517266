import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WORD_STATUSES, type WordStatus } from '../../../../shared/study'
import type { WordContext, WordInfo } from '../../../../shared/types'
import type { TintMode } from './tint'
import type { StudyReader } from './useStudyReader'

const percent = (share: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share)

/**
 * Under the article's meta line: how much of it is unknown, the tint setting, and "mark every
 * remaining new word as known" (as LingQ's "page done").
 */
export function ReaderStudyBar({ study }: { study: StudyReader }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'de'
  const { words, mode, setMode, markKnown, notice } = study
  return (
    <div className="study-bar" lang={lang} data-testid="study-bar">
      {words && (
        <span className="unknown-share" title={t('study.reader.unknownTitle')}>
          {t('study.reader.unknown', { share: percent(words.unknownShare, lang) })}
        </span>
      )}
      <label className="tint-setting">
        <select
          value={mode}
          onChange={(e) => setMode(e.target.value as TintMode)}
          aria-label={t('study.reader.tint')}
          data-testid="tint-mode"
        >
          <option value="off">{t('study.reader.tintOff')}</option>
          <option value="learning">{t('study.reader.tintLearning')}</option>
          <option value="all">{t('study.reader.tintAll')}</option>
        </select>
      </label>
      {words && words.newLemmas > 0 && (
        <button type="button" className="link" onClick={() => void markKnown()}>
          {t('study.reader.markKnown', { count: words.newLemmas })}
        </button>
      )}
      <span className={notice?.error ? 'study-notice error' : 'study-notice'} role="status">
        {notice?.text}
      </span>
    </div>
  )
}

/** In the word popover: save the word (with its sentence) and set its lemma's status. */
export function PopoverStudyActions({
  info,
  study,
  context,
}: {
  info: WordInfo
  study: StudyReader
  /** Where the popover's word stands (absent for a compound part looked up in the popover). */
  context?: WordContext
}) {
  const { t } = useTranslation()
  const lemma = info.lemma ?? info.query
  const status = study.statusOf(lemma)
  const [saved, setSaved] = useState(false)
  return (
    <div className="popover-study" data-testid="popover-study">
      <button
        type="button"
        className="button small"
        onClick={async () => {
          if (await study.save(info.query, context)) setSaved(true)
        }}
      >
        {saved ? `✓ ${t('study.popover.saved')}` : t('study.popover.save')}
      </button>
      <label className="popover-status">
        <span>{t('study.popover.status')}</span>
        <select
          value={status}
          onChange={(e) => void study.setStatus(lemma, e.target.value as WordStatus)}
          data-testid="word-status"
        >
          {WORD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`study.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
