import { createContext, useContext, useEffect, type ReactNode } from 'react'
import type { EventName } from '../../../shared/contract'
import type { Client, EventHandler } from './client'

const ApiContext = createContext<Client | null>(null)

export function ApiProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

/** The API client of the surrounding provider. */
export function useApi(): Client {
  const client = useContext(ApiContext)
  if (!client) throw new Error('useApi outside ApiProvider')
  return client
}

/** Subscribes to a core event for the lifetime of the component. */
export function useApiEvent<E extends EventName>(event: E, handler: EventHandler<E>): void {
  const client = useApi()
  useEffect(() => client.on(event, handler), [client, event, handler])
}
