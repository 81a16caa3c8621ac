/**
 * Objects keyed by node ids, labels or column names. Those come from files, and a plain object
 * keyed by them misbehaves: `rec.toString` is a function when no node has that id, and assigning
 * `rec.__proto__` changes the prototype instead of storing a value. So such records have no
 * prototype, and reads of records that may come from elsewhere (JSON, a worker message) check that
 * the key is the record's own.
 */

/** An empty record with no prototype: every key, `__proto__` included, is an ordinary own key. */
export const nullRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A prototype-free record from entries (Object.fromEntries would keep Object.prototype). */
export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = nullRecord<T>();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** rec[key] when it is the record's own property, else undefined (never an inherited method). */
export const own = <T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  rec !== undefined && Object.hasOwn(rec, key) ? rec[key] : undefined;
