/** The reading list (docs/API.md, "The reading list (external feeds)"). */
import type { Post } from './types';

export interface FeedError {
  code: string;
  message: string;
}

export interface ReadingFeed {
  id: number;
  url: string;
  host: string;
  title: string;
  site_link: string | null;
  subscribed_at: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  next_fetch_at: string;
  last_error: FeedError | null;
}

export interface ReadingEntry {
  kind: 'entry';
  id: number;
  feed: { id: number; title: string; url: string };
  title: string;
  /** http(s) only, checked by the server; null when the feed gave none we accept. */
  link: string | null;
  /** Plain text: render as text, never as HTML. */
  summary: string;
  published_at: string | null;
  updated_at: string | null;
  date: string;
  read: boolean;
  read_at: string | null;
}

/** A post of someone (or a topic, a blog) the reader follows, in the reading view. */
export interface ReadingPost {
  kind: 'post';
  id: number;
  /** The post's publication time: the sort key. */
  date: string;
  read: boolean;
  read_at: string | null;
  post: Post;
}

/** The reading view merges both kinds, newest first. */
export type ReadingItem = ReadingEntry | ReadingPost;

export interface ReadingPage {
  items: ReadingItem[];
  next: string | null;
  new_since_yesterday: number;
  stats: { feeds: number; reading_days_30: number };
}

export interface FeedHost {
  host: string;
  added_by: number | null;
  created_at: string;
}
