/**
 * Structural sharing between two versions of the same data: where the new value equals the old
 * one, the old object is returned, so the components showing the parts that did not change are not
 * re-rendered (Vue compares props and computed values by identity). Values are plain JSON data.
 */
export function share<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    // Entries are matched by position, or by their `cause`/`id`/`modality` when they carry one
    // (a differential re-ranked keeps each cause's entry).
    const keyed = new Map<unknown, unknown>();
    for (const p of previous) {
      const k = keyOf(p);
      if (k !== undefined) keyed.set(k, p);
    }
    let same = previous.length === next.length;
    const out = next.map((n, i) => {
      const k = keyOf(n);
      const s = share(k !== undefined ? keyed.get(k) : previous[i], n);
      if (s !== previous[i]) same = false;
      return s;
    });
    return (same ? previous : out) as T;
  }
  if (next !== null && typeof next === 'object') {
    if (previous === null || typeof previous !== 'object' || Array.isArray(previous)) return next;
    const prev = previous as Record<string, unknown>;
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const s = share(prev[key], (next as Record<string, unknown>)[key]);
      if (s !== prev[key]) same = false;
      out[key] = s;
    }
    return (same ? previous : out) as T;
  }
  return next;
}

function keyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return v.cause ?? v.id ?? v.modality ?? v.test;
}
