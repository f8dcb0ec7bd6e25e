/**
 * FHIR dates of every precision (R4 `date`: YYYY, YYYY-MM, YYYY-MM-DD; `dateTime` adds a time
 * with seconds and a zone) read into the app's fields: a full instant goes into seenAt as it is;
 * anything less precise is kept as given, beside an instant at the start of that period in local
 * time (what the app sorts and files by), so nothing is made more precise than it was.
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when y-m-d is a real calendar date (no 30 February). */
function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A FHIR date (any precision) as its parts, or null when it is not one. */
export function parseFhirDate(value: string): { year: number; month?: number; day?: number } | null {
  const match = DATE.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), match[2] !== undefined ? Number(match[2]) : undefined, match[3] !== undefined ? Number(match[3]) : undefined];
  if (!realDate(year, month ?? 1, day ?? 1)) return null;
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Local midnight at the start of a date, written with the local offset (2026-10-01T00:00:00+02:00). */
function localStart(year: number, month: number, day: number): string {
  const date = new Date(year, month - 1, day);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T00:00:00${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * A FHIR date or dateTime for the date seen: `{ seenAt }` for a dateTime with a time, or
 * `{ seenAt, seenAtAsGiven }` for a date of any precision. Undefined when it is neither (the
 * encounter's validation then names the field).
 */
export function readSeenAt(value: string | undefined): { seenAt: string | undefined; seenAtAsGiven?: string } {
  if (value === undefined || value.includes('T')) return { seenAt: value };
  const date = parseFhirDate(value);
  if (date === null) return { seenAt: value };
  return { seenAt: localStart(date.year, date.month ?? 1, date.day ?? 1), seenAtAsGiven: value };
}

/** A FHIR date of birth: a full date goes into birthDate; a year or year and month is kept as given. */
export function readBirthDate(value: string | undefined): { birthDate: string | null; birthDateAsGiven?: string } {
  if (value === undefined) return { birthDate: null };
  const date = parseFhirDate(value);
  if (date !== null && date.day === undefined) return { birthDate: null, birthDateAsGiven: value };
  // A full date, or something that is no FHIR date: the patient schema says what is wrong with it.
  return { birthDate: value };
}
