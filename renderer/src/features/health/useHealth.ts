/** The library's health and backups, kept fresh by the core's events. */
import { useCallback, useEffect, useState } from 'react'
import type { LibraryHealthInfo } from '../../../../shared/contract/backup'
import { useApi, useApiEvent } from '../../api/ApiContext'

export function useHealth(): { status: LibraryHealthInfo | null; refresh: () => void } {
  const api = useApi()
  const [status, setStatus] = useState<LibraryHealthInfo | null>(null)
  const [version, setVersion] = useState(0)
  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  useEffect(() => {
    let live = true
    api.call('backup.status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, version])
  useApiEvent('backup.health', refresh)
  useApiEvent(
    'library.changed',
    useCallback((p: { reason: string }) => p.reason === 'restore' && refresh(), [refresh]),
  )
  return { status, refresh }
}
