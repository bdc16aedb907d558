import { describe, expect, it } from 'vitest';
import { describeDue, goalPercent, goalStatus, goalStatusLabel, localInputFromNow, localInputToIso, metricLabel, termLabel } from './goals';

const now = new Date('2026-11-24T12:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

describe('goals', () => {
  it('computes a percentage, capped at 0..100', () => {
    expect(goalPercent({ progress: 1, target: 3 })).toBe(33);
    expect(goalPercent({ progress: 5, target: 3 })).toBe(100);
    expect(goalPercent({ progress: 0, target: 0 })).toBe(0);
    expect(goalPercent({ progress: -1, target: 3 })).toBe(0);
  });

  it('takes the server status when it sent one', () => {
    expect(goalStatus({ progress: 0, target: 3, due_at: inHours(-5), status: 'on_track' }, now)).toBe('on_track');
  });

  it('computes the status otherwise: done, overdue, due soon (48 h), on track', () => {
    expect(goalStatus({ progress: 3, target: 3, due_at: inHours(-5) }, now)).toBe('done');
    expect(goalStatus({ progress: 1, target: 3, due_at: inHours(-1) }, now)).toBe('overdue');
    expect(goalStatus({ progress: 1, target: 3, due_at: inHours(47) }, now)).toBe('due_soon');
    expect(goalStatus({ progress: 1, target: 3, due_at: inHours(48) }, now)).toBe('due_soon');
    expect(goalStatus({ progress: 1, target: 3, due_at: inHours(49) }, now)).toBe('on_track');
    expect(goalStatus({ progress: 1, target: 3, due_at: 'nonsense' }, now)).toBe('on_track');
  });

  it('describes the due date', () => {
    expect(describeDue(inHours(72), now)).toBe('due in 3 days');
    expect(describeDue(inHours(5), now)).toBe('due in 5 hours');
    expect(describeDue(inHours(0.5), now)).toBe('due in less than an hour');
    expect(describeDue(inHours(-49), now)).toBe('overdue by 2 days');
    expect(describeDue('x', now)).toBe('');
  });

  it('labels statuses, metrics and terms', () => {
    expect(goalStatusLabel('due_soon')).toBe('Due soon');
    expect(metricLabel('likes_received')).toBe('Likes received');
    expect(termLabel('mid')).toBe('Mid term');
  });

  it('converts datetime-local values', () => {
    expect(localInputToIso('nope')).toBeNull();
    const iso = localInputToIso('2026-12-01T09:30');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:30:00\.000Z$/);
    expect(localInputFromNow(7, now)).toMatch(/^2026-12-01T\d\d:\d\d$/);
  });
});
