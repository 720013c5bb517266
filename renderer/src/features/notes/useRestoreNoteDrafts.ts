import { useEffect } from 'react'
import { useApi } from '../../api/ApiContext'
import { restoreDrafts } from './drafts'

/** Once per start: saves the note drafts an earlier session could not (closed, killed). */
export function useRestoreNoteDrafts(): void {
  const api = useApi()
  useEffect(() => {
    void restoreDrafts(api)
  }, [api])
}
