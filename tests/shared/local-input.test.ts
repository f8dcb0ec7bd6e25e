import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ageAtVisit, fromLocalInput, localDate, toLocalInput } from '../../renderer/src/common/lib/dates.ts';

/**
 * The seen-at field's value is read from a Date's local fields (no locale data at start-up). It must
 * be the very value Intl gives for the same instant, in zones with daylight saving, half-hour
 * offsets and dates far from today, and read back to the same minute.
 */
const intlLocalInput = (iso: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'];
const originalTz = process.env.TZ;

describe('the datetime-local value of an instant', () => {
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(ZONES)('is what Intl gives, and reads back to the same minute, in %s', (zone) => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        const value = toLocalInput(iso);
        expect(value).toBe(intlLocalInput(iso));
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        // Read back in the same zone, it names the same minute, or (in an hour repeated as clocks go
        // back) a time that shows the same value.
        const back = fromLocalInput(value)!;
        expect(toLocalInput(back)).toBe(value);
        expect(localDate(iso)).toBe(value.slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });

  it('says so for a value that is not an instant, as Intl did, rather than showing NaN', () => {
    expect(() => toLocalInput('not a date')).toThrow(RangeError);
  });

  it("counts the patient's age on the local day of the encounter", () => {
    process.env.TZ = 'Pacific/Chatham';
    // 11:30 UTC on 14 March is already 15 March in the Chatham Islands (UTC+13:45).
    expect(ageAtVisit('1960-03-15', '2026-03-14T11:30:00Z')).toBe(66);
    process.env.TZ = 'UTC';
    expect(ageAtVisit('1960-03-15', '2026-03-14T11:30:00Z')).toBe(65);
  });
});
