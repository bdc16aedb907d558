import type { SearchParams } from '../lib/search';
import { searchApiQuery } from '../lib/search';
import type { ApiClient } from './client';
import type { Author, Page } from './types';

/** One search result (docs/API.md, "Search"). `snippet` is checked before rendering. */
export interface SearchResult {
  kind: 'post' | 'reply' | 'question';
  id: number;
  /** null for a blog question (see `blog_id`). */
  post_id: number | null;
  blog_id?: number | null;
  /** null for an anonymous question: the asker is never named. */
  author: Author | null;
  space: 'company' | 'practice' | null;
  state: string;
  at: string;
  score: number;
  snippet: unknown;
}

/** The caller's private feed token and the feed paths it opens (null before one is made). */
export interface FeedToken {
  token: string | null;
  created_at?: string;
  feeds: { company: string; mine: string } | null;
}

export const SEARCH_PAGE_SIZE = 20;

/** Search and private feed addresses (docs/API.md, "Search and private feeds"). */
export function findEndpoints(client: ApiClient) {
  return {
    search(params: SearchParams, before: string | null, signal?: AbortSignal): Promise<Page<SearchResult>> {
      return client.request('GET', '/search', { query: searchApiQuery(params, before, SEARCH_PAGE_SIZE), signal });
    },
    feedToken(signal?: AbortSignal): Promise<FeedToken> {
      return client.request('GET', '/me/feed-token', { signal });
    },
    /** A new token; every address made with the old one stops working. */
    newFeedToken(): Promise<FeedToken> {
      return client.request('POST', '/me/feed-token');
    },
  };
}
