/**
 * Dates for display through Intl (no hand-rolled formatting), and the machine format of the
 * datetime-local input. Each display formatter is made at its first use, not when the module loads:
 * making one loads the locale's data and builds its patterns. Made eagerly, they cost the
 * workspace's first paint about 14 ms at 1x and 100 ms at 4x (median of same-run loads, issue 15);
 * the first one a page makes costs 30-45 ms more at 1x, which is why the workspace shows the time
 * of the last save only from the frame after its first paint (SaveStatus.vue).
 */

function formatter(locales: string | undefined, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat(locales, options));
}

const dateTime = formatter(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = formatter(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const time = formatter(undefined, { timeStyle: 'medium' });
const monthYear = formatter(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatDateTime = (iso: string): string => dateTime().format(new Date(iso));
export const formatTime = (iso: string | number): string => time().format(new Date(iso));
/** A calendar date (YYYY-MM-DD) shown as written, whatever the time zone. */
export const formatDate = (isoDate: string): string => dateOnly().format(new Date(`${isoDate}T00:00:00Z`));

/** A date as another system gave it (YYYY, YYYY-MM or YYYY-MM-DD), shown at that precision and no finer. */
export function formatGivenDate(given: string): string {
  if (/^\d{4}$/.test(given)) return given;
  if (/^\d{4}-\d{2}$/.test(given)) return monthYear().format(new Date(`${given}-01T00:00:00Z`));
  return formatDate(given);
}

/** When an encounter was seen: the date as given when an imported file gave no time, else the local date and time. */
export const formatSeen = (e: { seenAt: string; seenAtAsGiven?: string | undefined }): string =>
  e.seenAtAsGiven !== undefined ? formatGivenDate(e.seenAtAsGiven) : formatDateTime(e.seenAt);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The value of a datetime-local input for an instant, in local time: the input's machine format
 * (YYYY-MM-DDTHH:mm), read from the Date's local fields, which need no locale data.
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${iso}`);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
