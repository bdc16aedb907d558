import { describe, expect, it } from 'vitest';
import { formatDuration, statFigures, temperatureCsv, temperatureRows, temperatureSeries, topicLabel } from './blog';

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

describe('blog temperature', () => {
  const t = {
    blog_id: 1,
    weeks: 2,
    week_starts: ['2026-11-16T00:00:00Z', '2026-11-23T00:00:00Z'],
    topics: [
      { topic: 'pay', questions: [1, 2], votes: [0, 7], total_questions: 3, total_votes: 7 },
      { topic: null, questions: [0, 1], votes: [0, 0], total_questions: 1, total_votes: 0 },
    ],
  };
  it('draws questions and votes together per topic', () => {
    const series = temperatureSeries(t);
    expect(series.map((s) => s.label)).toEqual(['pay', 'No topic']);
    expect(series[0].values).toEqual([1, 9]);
    expect(topicLabel(null)).toBe('No topic');
  });
  it('lists only weeks with activity, and writes the same rows as CSV', () => {
    expect(temperatureRows(t)).toEqual([
      { week: '2026-11-16', topic: 'pay', questions: 1, votes: 0 },
      { week: '2026-11-23', topic: 'pay', questions: 2, votes: 7 },
      { week: '2026-11-23', topic: 'No topic', questions: 1, votes: 0 },
    ]);
    expect(temperatureCsv(t)).toBe('Week of,Topic,Questions,Votes\r\n2026-11-16,pay,1,0\r\n2026-11-23,pay,2,7\r\n2026-11-23,No topic,1,0\r\n');
  });
});
