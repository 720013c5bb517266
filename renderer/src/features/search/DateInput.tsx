import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseTypedDate, type DateProblem } from '../../../../shared/dates'

/**
 * A date as people write it, in either language: 20.04.2019, 04.2019, April 2019, 2019 or
 * 2019-04-20 (a browser's date field shows mm/dd/yyyy whatever the page's language, and
 * cannot take a month or a year). Enter or leaving the field applies a valid date; an
 * invalid one stays as typed, with the reason below it; Escape gives up.
 */
export function DateInput({
  label,
  onDate,
  onCancel,
}: {
  label: string
  onDate: (date: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<DateProblem | null>(null)
  const apply = () => {
    if (!text.trim()) return onCancel()
    const parsed = parseTypedDate(text)
    if ('date' in parsed) onDate(parsed.date)
    else setProblem(parsed.problem)
  }
  return (
    <span className="date-input">
      <input
        autoFocus
        type="text"
        inputMode="numeric"
        className="chip-input"
        aria-label={label}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'date-problem' : undefined}
        placeholder={t('search.datePlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setProblem(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            apply()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            onCancel()
          }
        }}
        onBlur={apply}
        data-testid="date-input"
      />
      {problem && (
        <span className="date-problem" id="date-problem" role="alert">
          {problem.kind === 'format'
            ? t('search.dateFormat')
            : problem.kind === 'month'
              ? t('search.dateMonth', { month: problem.month })
              : t('search.dateDay', {
                  days: problem.days,
                  month: new Intl.DateTimeFormat(t('search.dateLocale'), {
                    month: 'long',
                    year: 'numeric',
                    timeZone: 'UTC',
                  }).format(Date.UTC(problem.year, problem.month - 1, 1)),
                })}
        </span>
      )}
    </span>
  )
}
