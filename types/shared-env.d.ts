// The few platform APIs shared/ may use because Node and browsers both have them.
// Only the shared project sees this file; the node and web projects get the real types.
declare class URL {
  constructor(url: string, base?: string)
  readonly protocol: string
  toString(): string
}
