/**
 * FHIR JSON never carries an empty array, object or string (R4 "JSON Representation": an element
 * either has a value or is left out). The Bundle builders run their result through this, so an
 * optional part that came out empty (an extension with no sub-extension, a blank text) is left
 * out instead of making the whole Bundle invalid. An extension whose value went away is empty too:
 * an extension needs a value or sub-extensions.
 */

const isBlank = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

const isExtensionWithoutValue = (value: Record<string, unknown>): boolean =>
  typeof value.url === 'string' && Object.keys(value).every((k) => k === 'url' || k === 'id');

const EXTENSION_KEYS = new Set(['extension', 'modifierExtension']);

function prune(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const kept = value.map((v) => prune(v, key)).filter((v) => v !== undefined);
    return kept.length === 0 ? undefined : kept;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = prune(v, k);
      if (kept !== undefined) out[k] = kept;
    }
    return isBlank(out) || (EXTENSION_KEYS.has(key) && isExtensionWithoutValue(out)) ? undefined : out;
  }
  return isBlank(value) ? undefined : value;
}

/** `value` without empty strings, arrays and objects at any depth (a new value; the input is untouched). */
export function withoutEmpty<T extends object>(value: T): T {
  return (prune(value) ?? {}) as T;
}
