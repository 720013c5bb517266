import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'

/** The sample library is labelled as such, and goes in one step. */
export function SampleNotice({ count }: { count: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  if (count === 0) return null
  return (
    <div className="sample-notice" role="note">
      <p>{t('library.sampleNotice', { count })}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          void api.call('library.removeSample', {}).finally(() => setBusy(false))
        }}
        data-testid="remove-sample"
      >
        {t('library.removeSample')}
      </button>
    </div>
  )
}
