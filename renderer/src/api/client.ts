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
  readonly code: ErrorCode | 'transport' | 'aborted'
  constructor(code: ErrorCode | 'transport' | 'aborted', message: string) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
  }
}

/** How calls and events travel. */
export interface Transport {
  /** `signal`: the caller no longer wants the answer (a door that can, drops the request). */
  invoke: (method: MethodName, input: unknown, signal?: AbortSignal) => Promise<Result<unknown>>
  subscribe: (listener: (event: string, payload: unknown) => void) => () => void
}

export type EventHandler<E extends EventName> = (payload: ApiEvents[E]) => void

/** Options of one call. */
export interface CallOptions {
  /** Aborting it drops the call: it rejects with an `aborted` error, its answer is not awaited. */
  signal?: AbortSignal
}

export interface Client {
  call: <M extends MethodName>(
    method: M,
    input: ApiInput<M>,
    options?: CallOptions,
  ) => Promise<ApiResults[M]>
  on: <E extends EventName>(event: E, handler: EventHandler<E>) => () => void
}

export function createClient(transport: Transport): Client {
  return {
    call: async (method, input, options = {}) => {
      const { signal } = options
      const aborted = () => new ApiCallError('aborted', 'The request was dropped.')
      if (signal?.aborted) throw aborted()
      // an aborted call settles at once, whether or not the door could drop the request
      const result = await new Promise<Result<unknown>>((resolve, reject) => {
        const onAbort = () => reject(aborted())
        signal?.addEventListener('abort', onAbort, { once: true })
        transport.invoke(method, input, signal).then(
          (r) => {
            signal?.removeEventListener('abort', onAbort)
            if (signal?.aborted) reject(aborted())
            else resolve(r)
          },
          (err: unknown) => {
            signal?.removeEventListener('abort', onAbort)
            reject(signal?.aborted ? aborted() : (err as Error))
          },
        )
      })
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
      return result.value as never
    },
    on: (event, handler) =>
      transport.subscribe((name, payload) => {
        if (name === event) handler(payload as never)
      }),
  }
}
