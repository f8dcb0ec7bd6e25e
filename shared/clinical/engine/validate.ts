import type { z } from 'zod';
import { Case, type CaseInput } from '../case.ts';

/**
 * An invalid case. `path` names the offending field ("findings[2]", "age"; "" for the case
 * itself) and `message` is one line a clinician can act on, starting with that path.
 */
export class CaseError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(path === '' ? detail : `${path}: ${detail}`);
    this.name = 'CaseError';
    this.path = path;
  }
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`), '');

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** The zod issue in words; the schema's own messages (unknown id, listed twice, both lists) are kept. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const [field, index] = issue.path;
  const value = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return `The case must be a JSON object with a "findings" list, not ${typeOf(input)}`;
  }
  if (field === 'findings' || field === 'absent') {
    if (index === undefined && issue.code === 'invalid_type') {
      return value === undefined ? 'missing: give a list of finding ids (strings)' : `must be a list of finding ids (strings), not ${typeOf(value)}`;
    }
    if (issue.code === 'invalid_type') return `must be a finding id (a string), not ${typeOf(value)}`;
    return issue.message;
  }
  if (field === 'age') return `must be a whole number of years from 0 to 130, not ${JSON.stringify(value)}`;
  if (field === 'sex') return `must be one of female, male, other, unknown, not ${JSON.stringify(value)}`;
  return issue.message;
}

/** Parses a case or throws a CaseError about its first problem. */
export function validateCase(input: CaseInput | unknown): Case {
  const result = Case.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new CaseError(formatPath(issue.path), describe(issue, input));
}
