import type { ApiClient } from './client';
import type { FeedHost, ReadingEntry, ReadingFeed, ReadingPage, ReadingPost } from './readingTypes';

interface Items<T> {
  items: T[];
}

/** The reading list's routes (docs/API.md, "The reading list (external feeds)"). */
export function readingEndpoints(client: ApiClient) {
  return {
    reading(options: { unread?: boolean; before?: string | null }, signal?: AbortSignal): Promise<ReadingPage> {
      return client.request('GET', '/reading', {
        query: { limit: 30, unread: options.unread ? 'true' : undefined, before: options.before ?? undefined },
        signal,
      });
    },
    readingFeeds(signal?: AbortSignal): Promise<Items<ReadingFeed>> {
      return client.request('GET', '/reading/feeds', { signal });
    },
    subscribeFeed(url: string): Promise<{ feed: ReadingFeed }> {
      return client.request('POST', '/reading/feeds', { body: { url } });
    },
    unsubscribeFeed(id: number): Promise<{ ok: boolean }> {
      return client.request('DELETE', `/reading/feeds/${id}`);
    },
    setEntryRead(id: number, read: boolean): Promise<{ item: ReadingEntry }> {
      return client.request(read ? 'PUT' : 'DELETE', `/reading/items/${id}/read`);
    },
    setPostRead(id: number, read: boolean): Promise<{ item: ReadingPost }> {
      return client.request(read ? 'PUT' : 'DELETE', `/reading/posts/${id}/read`);
    },
    feedHosts(signal?: AbortSignal): Promise<Items<FeedHost>> {
      return client.request('GET', '/admin/feed-hosts', { signal });
    },
    allowFeedHost(host: string): Promise<{ host: FeedHost }> {
      return client.request('PUT', `/admin/feed-hosts/${encodeURIComponent(host)}`);
    },
    removeFeedHost(host: string): Promise<{ ok: boolean }> {
      return client.request('DELETE', `/admin/feed-hosts/${encodeURIComponent(host)}`);
    },
  };
}
