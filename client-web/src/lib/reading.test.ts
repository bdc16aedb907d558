import { describe, expect, it } from 'vitest';
import type { ReadingFeed } from '../api/readingTypes';
import { feedName, feedStatus, itemKey, itemName, newSinceLabel } from './reading';

const feed: ReadingFeed = {
  id: 1,
  url: 'https://news.example.com/feed.xml',
  host: 'news.example.com',
  title: '',
  site_link: null,
  subscribed_at: '2026-11-28T08:00:00.000Z',
  last_attempt_at: null,
  last_success_at: null,
  next_fetch_at: '2026-11-28T08:00:00.000Z',
  last_error: null,
};

describe('reading list words', () => {
  it('counts what is new', () => {
    expect(newSinceLabel(0)).toBe('Nothing new since yesterday');
    expect(newSinceLabel(3)).toBe('3 new since yesterday');
  });
  it('names a feed by its title, else its address', () => {
    expect(feedName(feed)).toBe('https://news.example.com/feed.xml');
    expect(feedName({ ...feed, title: 'Industry news' })).toBe('Industry news');
  });
  it('says how the last fetch went', () => {
    expect(feedStatus(feed)).toBe('Waiting for the first fetch…');
    expect(feedStatus({ ...feed, last_attempt_at: feed.subscribed_at })).toBe('Fetched');
    expect(feedStatus({ ...feed, last_attempt_at: feed.subscribed_at, last_error: { code: 'feed_timeout', message: 'Too slow.' } })).toBe(
      'Last fetch failed: Too slow.',
    );
  });
  it('names items of both kinds, with keys apart per kind', () => {
    const post = {
      kind: 'post' as const,
      id: 7,
      date: '2026-11-28T08:00:00.000Z',
      read: false,
      read_at: null,
      post: {
        id: 7,
        author: { id: 2, username: 'ana', display_name: 'Ana Lee' },
        body: `First line ${'x'.repeat(80)}\nsecond line`,
        space: 'company' as const,
        state: 'published' as const,
        created_at: '2026-11-28T08:00:00.000Z',
        reply_count: 0,
        like_count: 0,
        liked_by_me: false,
      },
    };
    expect(itemKey(post)).toBe('post-7');
    expect(itemKey({ kind: 'entry', id: 7 })).toBe('entry-7');
    expect(itemName(post)).toMatch(/^Ana Lee: First line x+…$/);
    expect(itemName(post).length).toBeLessThanOrEqual('Ana Lee: '.length + 60);
    expect(itemName({ ...post, post: { ...post.post, body: 'Short one' } })).toBe('Ana Lee: Short one');
  });
});
