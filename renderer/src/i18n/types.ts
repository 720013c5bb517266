/** Turns a German `as const` string table into the shape every other language must fill. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
