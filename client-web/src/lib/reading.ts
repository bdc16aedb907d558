/** Words for the reading list (kept apart from the screen so they are unit-tested). */
import type { ReadingFeed } from '../api/readingTypes';

export function newSinceLabel(n: number): string {
  if (n === 0) return 'Nothing new since yesterday';
  return `${n} new since yesterday`;
}

export function feedName(feed: Pick<ReadingFeed, 'title' | 'url'>): string {
  return feed.title.trim() || feed.url;
}

/** The state of a subscription in one line. */
export function feedStatus(feed: ReadingFeed): string {
  if (feed.last_error) return `Last fetch failed: ${feed.last_error.message}`;
  if (!feed.last_attempt_at) return 'Waiting for the first fetch…';
  return 'Fetched';
}
