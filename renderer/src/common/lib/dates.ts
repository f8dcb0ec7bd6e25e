/** Dates for display and for the date inputs, all through Intl (no hand-rolled formatting). */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
/** Parts of a local date-time in the fixed order an <input type="datetime-local"> wants. */
const inputParts = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatTime = (iso: string | number): string => time.format(new Date(iso));
/** A calendar date (YYYY-MM-DD) shown as written, whatever the time zone. */
export const formatDate = (isoDate: string): string => dateOnly.format(new Date(`${isoDate}T00:00:00Z`));

const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as another system gave it (YYYY, YYYY-MM or YYYY-MM-DD), shown at that precision and no finer. */
export function formatGivenDate(given: string): string {
  if (/^\d{4}$/.test(given)) return given;
  if (/^\d{4}-\d{2}$/.test(given)) return monthYear.format(new Date(`${given}-01T00:00:00Z`));
  return formatDate(given);
}

/** When an encounter was seen: the date as given when an imported file gave no time, else the local date and time. */
export const formatSeen = (e: { seenAt: string; seenAtAsGiven?: string | undefined }): string =>
  e.seenAtAsGiven !== undefined ? formatGivenDate(e.seenAtAsGiven) : formatDateTime(e.seenAt);

/** The value of a datetime-local input for an instant, in local time. */
export function toLocalInput(iso: string): string {
  const parts = Object.fromEntries(inputParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a datetime-local value names (interpreted in local time), or null when incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The local calendar date of an instant as YYYY-MM-DD. */
export function localDate(iso: string): string {
  return toLocalInput(iso).slice(0, 10);
}

/**
 * Completed years between a birth date and the day of the encounter (both YYYY-MM-DD): the
 * birthday has to have been reached. Comparing the ISO strings' month-day part does exactly that.
 */
export function ageOn(birthDate: string, onDate: string): number | null {
  const b = /^(\d{4})-(\d{2}-\d{2})$/.exec(birthDate);
  const d = /^(\d{4})-(\d{2}-\d{2})$/.exec(onDate);
  if (!b || !d) return null;
  const years = Number(d[1]) - Number(b[1]) - (d[2]! < b[2]! ? 1 : 0);
  return years >= 0 ? years : null;
}

/** The patient's age on the local day of the encounter, or null when the birth date is not recorded. */
export function ageAtVisit(birthDate: string | null, seenAt: string): number | null {
  return birthDate ? ageOn(birthDate, localDate(seenAt)) : null;
}
