import { describe, expect, it } from 'vitest';
import { formatWaiting, formatWaitingLong, isLongWait, waitedSince } from './age';

describe('formatWaiting', () => {
  it('says how long a submission has waited', () => {
    expect(formatWaiting(0)).toBe('waiting under a minute');
    expect(formatWaiting(59)).toBe('waiting under a minute');
    expect(formatWaiting(60)).toBe('waiting 1 min');
    expect(formatWaiting(45 * 60)).toBe('waiting 45 min');
    expect(formatWaiting(3 * 3600 + 20 * 60)).toBe('waiting 3 h');
    expect(formatWaiting(23 * 3600 + 59 * 60)).toBe('waiting 23 h');
    expect(formatWaiting(26 * 3600)).toBe('waiting 1 d 2 h');
    expect(formatWaiting(48 * 3600)).toBe('waiting 2 d');
    expect(formatWaiting(5 * 86400 + 7200)).toBe('waiting 5 d');
    expect(formatWaiting(Number.NaN)).toBe('waiting under a minute');
  });
  it('has a long form for screen readers', () => {
    expect(formatWaitingLong(3 * 3600)).toBe('waiting 3 hours');
    expect(formatWaitingLong(60)).toBe('waiting 1 minute');
    expect(formatWaitingLong(26 * 3600)).toBe('waiting 1 day 2 hours');
  });
  it('flags waits over a day and keeps counting after the fetch', () => {
    expect(isLongWait(86399)).toBe(false);
    expect(isLongWait(86400)).toBe(true);
    expect(waitedSince(100, 1_000, 31_000)).toBe(130);
    expect(waitedSince(100, 31_000, 1_000)).toBe(70);
  });
});
