import { useTranslation } from 'react-i18next'
import { useMenu } from '../../components/useDismiss'
import { ThemeSwitch } from '../theme/ThemeSwitch'

/**
 * The settings in the top bar, behind one button: the theme (light, dark, as the system)
 * and the library's backups. Closes on Escape and on a click elsewhere.
 */
export function SettingsMenu({ onBackups }: { onBackups: () => void }) {
  const { t } = useTranslation()
  const { open, setOpen, root, button } = useMenu()
  return (
    <div className="menu settings-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('settings.label')}
        title={t('settings.label')}
        onClick={() => setOpen((o) => !o)}
        data-testid="settings"
      >
        <span aria-hidden="true">⚙</span>
      </button>
      {open && (
        <div className="menu-list settings-list" role="group" aria-label={t('settings.label')}>
          <ThemeSwitch />
          <button
            type="button"
            onClick={() => {
              setOpen(false)
              onBackups()
            }}
          >
            {t('settings.backups')}
          </button>
        </div>
      )}
    </div>
  )
}
