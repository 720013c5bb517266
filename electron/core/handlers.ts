/** Assembling the handler table from the rooms' parts. */
import type { Handlers, MethodName } from '../../shared/contract'

type Part = Partial<Handlers>

/**
 * Joins the rooms' handler parts into one table. A method served by two rooms is a
 * programming error and stops the core at start-up; a method no room serves fails the build
 * (the result must be a whole `Handlers`).
 */
export function combineHandlers(...parts: Part[]): Handlers {
  const table: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in table) throw new Error(`The method ${name} is served by two rooms.`)
      table[name] = handler
    }
  }
  return table as Handlers
}

/** The part of the handler table that serves the methods `M`. */
export type HandlersOf<M extends MethodName> = Pick<Handlers, M>
