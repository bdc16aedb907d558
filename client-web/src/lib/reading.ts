/** Words for the reading list (kept apart from the screen so they are unit-tested). */
import type { ReadingFeed, ReadingItem } from '../api/readingTypes';

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

/** A key unique across both kinds of the reading view. */
export function itemKey(item: Pick<ReadingItem, 'kind' | 'id'>): string {
  return `${item.kind}-${item.id}`;
}

/** What a reading-view item is called in button labels: an entry's title; a post's author and first words. */
export function itemName(item: ReadingItem): string {
  if (item.kind === 'entry') return item.title;
  const line = item.post.body.split('\n', 1)[0].trim();
  const words = line.length > 60 ? `${line.slice(0, 59).trimEnd()}…` : line;
  return `${item.post.author.display_name}: ${words}`;
}
