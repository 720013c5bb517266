import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '../../../../shared/contract/backup'
import { useApi } from '../../api/ApiContext'
import { errorText } from '../../components/errorText'
import { useHealth } from './useHealth'

const REASONS = ['daily', 'manual', 'before-restore', 'before-upgrade'] as const

/** The library's backups: make one now, restore one (the current library is kept first). */
export function BackupsView() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { status, refresh } = useHealth()
  const [busy, setBusy] = useState<'backup' | string | null>(null)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE', {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
  const reason = (b: BackupInfo) => {
    const kind = REASONS.find((r) => b.reason.startsWith(r))
    return kind ? t(`health.reasons.${kind}`) : b.reason
  }
  const fail = (err: unknown) => {
    const e = err as { code?: string; message: string }
    setMessage({
      text: errorText(t, { code: e.code ?? 'internal', message: e.message }),
      error: true,
    })
  }

  const backupNow = async () => {
    setBusy('backup')
    setMessage(null)
    try {
      const made = await api.call('backup.create', {})
      setMessage({ text: t('health.made', { name: made.name }) })
      refresh()
    } catch (err) {
      fail(err)
    } finally {
      setBusy(null)
    }
  }

  const restore = async (b: BackupInfo) => {
    if (!window.confirm(t('health.confirmRestore', { date: date(b.createdAt) }))) return
    setBusy(b.name)
    setMessage(null)
    try {
      const r = await api.call('backup.restore', { name: b.name })
      setMessage({
        text: t('health.restored', { name: r.restored.name, kept: r.kept?.name ?? '—' }),
      })
      refresh()
    } catch (err) {
      fail(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="backups-view" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('health.backupsTitle')}</h1>
      {status && (
        <>
          <p className="muted">{t('health.libraryFile', { path: status.libraryPath })}</p>
          {status.backupsDir ? (
            <p>{t('health.intro', { dir: status.backupsDir })}</p>
          ) : (
            <p>{t('health.inMemory')}</p>
          )}
        </>
      )}
      {status?.backupsDir && (
        <p>
          <button
            type="button"
            className="button primary"
            disabled={busy !== null || status.state !== 'ok'}
            onClick={() => void backupNow()}
          >
            {busy === 'backup' ? t('health.backingUp') : t('health.backupNow')}
          </button>
        </p>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : ''}>
          {message.text}
        </p>
      )}
      {status?.backupsDir &&
        (status.backups.length === 0 ? (
          <p className="muted">{t('health.none')}</p>
        ) : (
          <ul className="backup-list">
            {status.backups.map((b) => (
              <li key={b.name}>
                <span className="when">{date(b.createdAt)}</span>
                <span className="why">{reason(b)}</span>
                <span className="size">
                  {t('health.size', { mb: (b.bytes / 1048576).toFixed(1) })}
                </span>
                <button
                  type="button"
                  className="button small"
                  disabled={busy !== null}
                  onClick={() => void restore(b)}
                  title={b.name}
                >
                  {busy === b.name ? t('health.restoring') : t('health.restore')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
