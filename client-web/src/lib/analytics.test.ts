import { describe, expect, it } from 'vitest';
import type { JoiningEffect } from '../api/types';
import { formatChange, formatDuration, joiningCsv, joiningHeadline, toCsv, weeksCsv } from './analytics';

const effect: JoiningEffect = {
  user: { id: 8, username: 'dana', display_name: 'Dana Whitfield (CEO)' },
  days: 28,
  joined_at: '2026-10-11T08:00:00.000Z',
  before: { posts: 20, replies: 30, likes: 50 },
  after: { posts: 26, replies: 42, likes: 72 },
  change_percent: { posts: 30, replies: 40, likes: 44 },
};

describe('analytics formatting', () => {
  it('says the joining effect as the seeds do', () => {
    expect(formatChange(27.93)).toBe('+27.93%');
    expect(formatChange(-4.1)).toBe('−4.10%');
    expect(formatChange(0)).toBe('±0.00%');
    expect(formatChange(null)).toBe('no earlier activity to compare');
    expect(joiningHeadline(effect)).toBe('+30.00% messages, +40.00% replies, +44.00% likes');
    expect(joiningHeadline({ ...effect, change_percent: null })).toBeNull();
  });

  it('writes CSV with quoting where needed', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [1, null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
    expect(joiningCsv(effect)).toBe('28 days,Before,After,Change (%)\r\nposts,20,26,30\r\nreplies,30,42,40\r\nlikes,50,72,44\r\n');
    const csv = weeksCsv([
      {
        week_start: '2026-11-23T00:00:00.000Z',
        posts: 2,
        replies_given: 1,
        replies_received: 3,
        repliers: 2,
        likes_received: 4,
        median_seconds_to_first_reply: 2700,
        active_days: 3,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('2026-11-23,2,1,3,2,4,2700,3');
  });

  it('reads durations as people say them', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(2700)).toBe('45 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400)).toBe('3 days');
  });
});
