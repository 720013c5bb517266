import { useTranslation } from 'react-i18next'
import { setThemeChoice, themes, type ThemeChoice } from './theme'
import { useThemeChoice } from './useTheme'

/** Light / dark / system (in the settings menu); the choice is remembered. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const choice = useThemeChoice()
  return (
    <label className="theme-switch" title={t('theme.label')}>
      <span>{t('theme.label')}</span>
      <select
        value={choice}
        onChange={(e) => {
          setThemeChoice(e.target.value as ThemeChoice)
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
