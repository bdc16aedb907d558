import type { BlogStats, Temperature } from '../api/blogTypes';
import { toCsv } from './analytics';

/** "3 h", "2 days": a duration in seconds, short. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const hours = seconds / 3600;
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The promise figures as the blog page shows them. */
export function statFigures(s: BlogStats): { label: string; value: string }[] {
  return [
    { label: 'Answer rate', value: `${Math.round(s.answer_rate * 100)}%` },
    { label: 'Median time to answer', value: formatDuration(s.median_seconds_to_answer) },
    { label: 'Waiting', value: String(s.waiting) },
    { label: 'Oldest unanswered', value: formatDuration(s.oldest_unanswered_seconds) },
    { label: `Past ${s.promise_days} days`, value: String(s.overdue) },
  ];
}

/** A topic as shown: questions without one are "No topic". */
export function topicLabel(topic: string | null): string {
  return topic ?? 'No topic';
}

/** Line colours of the temperature chart (the hottest topic first); all pass 3:1 on white. */
const TOPIC_COLOURS = ['#b4432f', '#2f5fb3', '#1f6f4a', '#7a4bb0', '#8a6100'];

/** The chart's lines: questions and votes together per week, for the hottest topics. */
export function temperatureSeries(t: Temperature): { label: string; colour: string; values: number[] }[] {
  return t.topics.slice(0, TOPIC_COLOURS.length).map((topic, i) => ({
    label: topicLabel(topic.topic),
    colour: TOPIC_COLOURS[i],
    values: topic.questions.map((q, w) => q + topic.votes[w]),
  }));
}

/** One row per topic and week: what the table and the CSV show. */
export function temperatureRows(t: Temperature): { week: string; topic: string; questions: number; votes: number }[] {
  const rows: { week: string; topic: string; questions: number; votes: number }[] = [];
  t.week_starts.forEach((week, w) => {
    for (const topic of t.topics)
      if (topic.questions[w] || topic.votes[w]) rows.push({ week: week.slice(0, 10), topic: topicLabel(topic.topic), questions: topic.questions[w], votes: topic.votes[w] });
  });
  return rows;
}

export function temperatureCsv(t: Temperature): string {
  return toCsv(
    ['Week of', 'Topic', 'Questions', 'Votes'],
    temperatureRows(t).map((r) => [r.week, r.topic, r.questions, r.votes]),
  );
}
