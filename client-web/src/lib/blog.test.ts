import { describe, expect, it } from 'vitest';
import { formatDuration, statFigures } from './blog';

describe('blog figures', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(90)).toBe('2 min');
    expect(formatDuration(4 * 3600)).toBe('4 h');
    expect(formatDuration(9 * 24 * 3600)).toBe('9 days');
  });
  it('shows the promise figures', () => {
    const figures = statFigures({
      questions: 4,
      answered: 2,
      declined: 1,
      waiting: 1,
      overdue: 1,
      answer_rate: 0.5,
      median_seconds_to_answer: 4 * 3600,
      oldest_unanswered_seconds: 200 * 3600,
      promise_days: 7,
    });
    expect(figures.map((f) => f.value)).toEqual(['50%', '4 h', '1', '8 days', '1']);
    expect(figures[4].label).toBe('Past 7 days');
  });
});
