import { describe, expect, it } from 'vitest';
import { defaultScheduleTime, formatAbsolute, formatRelative, parseScheduleInput, parseTime, refreshInterval, toLocalInputValue } from './time';

const now = new Date(2026, 10, 24, 15, 30, 0); // Nov 24 2026 15:30 local
const ago = (ms: number) => new Date(now.getTime() - ms);
const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('formatRelative', () => {
  it('says "just now" for the first 45 seconds and for future times', () => {
    expect(formatRelative(now, now)).toBe('just now');
    expect(formatRelative(ago(44 * s), now)).toBe('just now');
    expect(formatRelative(new Date(now.getTime() + 5 * min), now)).toBe('just now');
  });

  it('counts minutes below an hour', () => {
    expect(formatRelative(ago(45 * s), now)).toBe('1 min ago');
    expect(formatRelative(ago(3 * min), now)).toBe('3 min ago');
    expect(formatRelative(ago(3 * min + 20 * s), now)).toBe('3 min ago');
    expect(formatRelative(ago(59 * min), now)).toBe('59 min ago');
    expect(formatRelative(ago(59 * min + 40 * s), now)).toBe('1 hour ago');
  });

  it('counts hours below a day', () => {
    expect(formatRelative(ago(h), now)).toBe('1 hour ago');
    expect(formatRelative(ago(2 * h + 59 * min), now)).toBe('2 hours ago');
    expect(formatRelative(ago(23 * h), now)).toBe('23 hours ago');
  });

  it('says "yesterday", then days, within a week', () => {
    expect(formatRelative(ago(d), now)).toBe('yesterday');
    expect(formatRelative(ago(2 * d), now)).toBe('2 days ago');
    expect(formatRelative(ago(6 * d + 23 * h), now)).toBe('6 days ago');
  });

  it('shows a date after a week, with the year only when it differs', () => {
    expect(formatRelative(new Date(2026, 10, 3, 9, 0), now)).toBe('Nov 3');
    expect(formatRelative(new Date(2025, 0, 15, 9, 0), now)).toBe('Jan 15, 2025');
  });
});

describe('parseTime', () => {
  it('parses RFC 3339 with milliseconds', () => {
    expect(parseTime('2026-11-24T15:21:18.123Z')?.toISOString()).toBe('2026-11-24T15:21:18.123Z');
  });
  it('returns null for missing or broken values', () => {
    expect(parseTime(null)).toBeNull();
    expect(parseTime(undefined)).toBeNull();
    expect(parseTime('')).toBeNull();
    expect(parseTime('yesterday-ish')).toBeNull();
  });
});

describe('formatAbsolute', () => {
  it('includes the year and the time of day', () => {
    const text = formatAbsolute(new Date(Date.UTC(2026, 10, 24, 15, 21)), 'en-GB');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/\d{2}:\d{2}/);
  });
});

describe('refreshInterval', () => {
  it('refreshes fresh times often and old ones rarely', () => {
    expect(refreshInterval(ago(10 * s), now)).toBeLessThanOrEqual(15 * s);
    expect(refreshInterval(ago(2 * h), now)).toBe(5 * min);
    expect(refreshInterval(ago(3 * d), now)).toBe(h);
  });
});

describe('scheduling input', () => {
  it('offers tomorrow at 09:00 local time in the datetime-local format', () => {
    expect(toLocalInputValue(defaultScheduleTime(now))).toBe('2026-11-25T09:00');
  });
  it('reads a future local time as an ISO instant', () => {
    const r = parseScheduleInput('2026-11-25T09:00', now);
    expect(r).toEqual({ at: new Date(2026, 10, 25, 9, 0).toISOString() });
  });
  it('says what is wrong with an empty, invalid or past time', () => {
    expect(parseScheduleInput('', now)).toEqual({ problem: 'Pick the day and time to publish.' });
    expect(parseScheduleInput('soon', now)).toEqual({ problem: 'That is not a day and time; use the picker.' });
    expect(parseScheduleInput('2026-11-24T15:00', now)).toEqual({ problem: 'Pick a time in the future.' });
  });
});
