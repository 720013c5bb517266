/**
 * The renderer's API client: one typed `call` over whichever door the app runs behind
 * (Electron IPC or browser-mode HTTP). Only types come from the contract, so no validation
 * code is shipped to the renderer: validation happens in the core, at the door.
 */
import type {
  ApiEvents,
  ApiInput,
  ApiResults,
  EventName,
  MethodName,
} from '../../../shared/contract'
import type { ErrorCode, Result } from '../../../shared/result'

/** A failed call, with the core's error code and one-line message. */
export class ApiCallError extends Error {
  readonly code: ErrorCode | 'transport'
  constructor(code: ErrorCode | 'transport', message: string) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
  }
}

/** How calls and events travel. */
export interface Transport {
  invoke: (method: MethodName, input: unknown) => Promise<Result<unknown>>
  subscribe: (listener: (event: string, payload: unknown) => void) => () => void
}

export type EventHandler<E extends EventName> = (payload: ApiEvents[E]) => void

export interface Client {
  call: <M extends MethodName>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>
  on: <E extends EventName>(event: E, handler: EventHandler<E>) => () => void
}

export function createClient(transport: Transport): Client {
  return {
    call: async (method, input) => {
      const result = await transport.invoke(method, input)
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
      return result.value as never
    },
    on: (event, handler) =>
      transport.subscribe((name, payload) => {
        if (name === event) handler(payload as never)
      }),
  }
}
