import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyTheme, loadTheme, saveTheme, themes, type ThemeChoice } from './theme'

/** Light / dark / system, in the top bar; the choice is remembered. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<ThemeChoice>(loadTheme)
  useEffect(() => applyTheme(choice), [choice])
  return (
    <label className="theme-switch" title={t('theme.label')}>
      <span className="visually-hidden">{t('theme.label')}</span>
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice
          saveTheme(next)
          setChoice(next)
        }}
        data-testid="theme"
      >
        {themes.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
