import { useTranslation } from 'react-i18next'
import { useHealth } from './useHealth'

/**
 * A notice above everything when the library is read-only or damaged, with the way back: a
 * backup (the damaged library is open read-only until one is restored).
 */
export function HealthBanner({ onRestore }: { onRestore: () => void }) {
  const { t } = useTranslation()
  const { status } = useHealth()
  if (!status || status.state === 'ok') return null
  return (
    <div className={`health-banner ${status.state}`} role="alert" title={status.reason ?? ''}>
      <span>{status.state === 'damaged' ? t('health.damaged') : t('health.readOnly')}</span>
      {status.state === 'damaged' && (
        <button type="button" className="button small" onClick={onRestore}>
          {t('health.restoreOffer')}
        </button>
      )}
    </div>
  )
}
