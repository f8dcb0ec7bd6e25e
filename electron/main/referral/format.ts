/**
 * Dates as the letter prints them (Intl, British English, an explicit time zone), and the
 * patient's age on the day they were seen. Pure and deterministic for a given time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/** "25 November 2026" */
export const formatDate = (iso: string, timeZone: string): string =>
  formatter(`d|${timeZone}`, { dateStyle: 'long', timeZone }).format(new Date(iso));

/** "25 November 2026 at 10:30" */
export const formatDateTime = (iso: string, timeZone: string): string =>
  formatter(`dt|${timeZone}`, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const parseIsoDate = (date: string): CalendarDate => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** A date of birth is a calendar date with no time zone: print it as written. */
export const formatCalendarDate = (date: string): string => {
  const { year, month, day } = parseIsoDate(date);
  return formatter('cal', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
};

/** A date as another system gave it (YYYY, YYYY-MM or YYYY-MM-DD), printed at that precision and no finer. */
export function formatGivenDate(given: string): string {
  if (/^\d{4}$/.test(given)) return given;
  if (/^\d{4}-\d{2}$/.test(given)) return formatter('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${given}-01T00:00:00Z`));
  return formatCalendarDate(given);
}

/** The calendar date of an instant in a time zone (the day the patient was seen, where they were seen). */
function calendarDateIn(iso: string, timeZone: string): CalendarDate {
  const parts = formatter(`parts|${timeZone}`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Whole months between two calendar dates, counting a month only once its day is reached. */
function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
}

/** "52 years", or "18 months" under two years; null when the birth date is after the visit. */
export function ageAt(birthDate: string, seenAt: string, timeZone: string): string | null {
  const months = monthsBetween(parseIsoDate(birthDate), calendarDateIn(seenAt, timeZone));
  if (months < 0) return null;
  if (months < 24) return months === 1 ? '1 month' : `${months} months`;
  const years = Math.floor(months / 12);
  return `${years} years`;
}
