/**
 * The shape a translation must have: every key of the English catalog, each leaf a string. A
 * catalog missing a key, or carrying one English lacks, fails the type check.
 */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
