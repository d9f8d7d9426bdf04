// parseCalendarYear: every shipped file passes; each kind of malformed upload is rejected with a
// message that names the offending field.

import { describe, expect, it } from 'vitest';
import y2020 from './holidays/2020.json';
import y2021 from './holidays/2021.json';
import y2022 from './holidays/2022.json';
import y2023 from './holidays/2023.json';
import y2024 from './holidays/2024.json';
import y2025 from './holidays/2025.json';
import y2026 from './holidays/2026.json';
import { CalendarFormatError, parseCalendarYear, shippedCalendarYears } from './index';

const SHIPPED = [y2020, y2021, y2022, y2023, y2024, y2025, y2026];

/** A valid minimal upload that each rejection case below breaks in exactly one place. */
function upload(days: unknown[] = [{ name: '元旦', date: '2027-01-01', isOffDay: true }]): Record<string, unknown> {
  return { year: 2027, papers: ['notice'], days };
}

describe('parseCalendarYear accepts the shipped files', () => {
  it.each(SHIPPED.map((json) => [json.year, json] as const))('%i.json', (year, json) => {
    const parsed = parseCalendarYear(json);
    expect(parsed.year).toBe(year);
    const expected = json.days
      .map(({ date, isOffDay, name }) => ({ date, isOffDay, name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    expect(parsed.days).toEqual(expected);
  });

  it('keeps exactly date, isOffDay and name, sorted by date', () => {
    const parsed = parseCalendarYear(
      upload([
        { name: '调休', date: '2027-01-09', isOffDay: false, extra: 1 },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
      ]),
    );
    expect(parsed).toEqual({
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '调休', date: '2027-01-09', isOffDay: false },
      ],
    });
  });

  // The official 2023 notice starts the New Year break on Sat 2022-12-31; 2023.json lists it.
  it.each(['2026-12-25', '2026-12-31'])('accepts a New Year break reaching back to %s', (date) => {
    const parsed = parseCalendarYear(upload([{ name: '元旦', date, isOffDay: true }]));
    expect(parsed.days.map((d) => d.date)).toEqual([date]);
  });

  it('accepts an upload without papers and a year with no listed days', () => {
    expect(parseCalendarYear({ year: 2027, days: [] })).toEqual({ year: 2027, days: [] });
  });

  it('shippedCalendarYears returns the seven parsed years, frozen', () => {
    const years = shippedCalendarYears();
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years.map((y) => y.days.length)).toEqual(SHIPPED.map((json) => json.days.length));
    expect(Object.isFrozen(years[5]?.days[0])).toBe(true);
    expect(shippedCalendarYears()).not.toBe(years); // a fresh array each call
  });
});

describe('parseCalendarYear rejects malformed input', () => {
  it.each([
    ['null', null, /^calendar: expected a JSON object.*got null/],
    ['an array', [upload()], /^calendar: expected a JSON object.*got an array/],
    ['a string', '{"year":2027}', /^calendar: expected a JSON object.*got string/],
    ['a missing year', { days: [] }, /^year: expected an integer year.*got missing/],
    ['a string year', { ...upload(), year: '2027' }, /^year: .*got string "2027"/],
    ['a fractional year', { ...upload(), year: 2027.5 }, /^year: /],
    ['an absurd year', { ...upload(), year: 27 }, /^year: .*got number 27/],
    ['papers not an array', { ...upload(), papers: 'notice' }, /^papers: expected an array of strings/],
    ['a non-string paper', { ...upload(), papers: [42] }, /^papers\[0\]: expected a string/],
    ['missing days', { year: 2027, papers: [] }, /^days: expected an array, got missing/],
    ['days not an array', { ...upload(), days: {} }, /^days: expected an array, got an object/],
    ['a non-object entry', upload(['2027-01-01']), /^days\[0\]: expected an object/],
    ['a missing date', upload([{ name: '元旦', isOffDay: true }]), /^days\[0\]\.date: expected YYYY-MM-DD in 2027 \(New Year break from 2026-12-25 allowed\), got missing/],
    ['a malformed date', upload([{ name: '元旦', date: '2027/01/01', isOffDay: true }]), /^days\[0\]\.date: expected YYYY-MM-DD in 2027 \(New Year break from 2026-12-25 allowed\), got "2027\/01\/01"/],
    ['an impossible date', upload([{ name: 'x', date: '2027-02-29', isOffDay: true }]), /^days\[0\]\.date: .*"2027-02-29"/],
    ['a date with time', upload([{ name: 'x', date: '2027-01-01T00:00', isOffDay: true }]), /^days\[0\]\.date: /],
    [
      'a date in the next year',
      upload([
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2028-01-01', isOffDay: true },
      ]),
      /^days\[1\]\.date: expected YYYY-MM-DD in 2027 .*got "2028-01-01"/,
    ],
    ['a date earlier than the New Year week', upload([{ name: 'x', date: '2026-12-24', isOffDay: true }]), /^days\[0\]\.date: .*got "2026-12-24"/],
    ['a date a year off', upload([{ name: 'x', date: '2026-03-01', isOffDay: true }]), /^days\[0\]\.date: .*got "2026-03-01"/],
    [
      'a duplicate date',
      upload([
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2027-01-02', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: false },
      ]),
      /^days\[2\]\.date: duplicate date 2027-01-01 \(already in days\[0\]\)/,
    ],
    ['a missing isOffDay', upload([{ name: '元旦', date: '2027-01-01' }]), /^days\[0\]\.isOffDay: expected true or false, got missing/],
    ['a string isOffDay', upload([{ name: '元旦', date: '2027-01-01', isOffDay: 'true' }]), /^days\[0\]\.isOffDay: .*got string "true"/],
    ['a missing name', upload([{ date: '2027-01-01', isOffDay: true }]), /^days\[0\]\.name: expected a non-empty string, got missing/],
    ['a blank name', upload([{ name: '  ', date: '2027-01-01', isOffDay: true }]), /^days\[0\]\.name: expected a non-empty string/],
  ])('%s', (_label, json, message) => {
    expect(() => parseCalendarYear(json)).toThrow(CalendarFormatError);
    expect(() => parseCalendarYear(json)).toThrow(message);
  });

  it('CalendarFormatError is an Error with its own name', () => {
    const error = new CalendarFormatError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CalendarFormatError');
  });
});
