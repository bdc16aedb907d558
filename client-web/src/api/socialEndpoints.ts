import type { ApiClient } from './client';
import type { Following, FollowState, NotificationSettings, PersonMatch, Profile, TopicPage } from './socialTypes';
import type { Page, Post, Space } from './types';

const PAGE = '20';

/** Follows, profiles, topics, the Following feed and notification settings (docs/API.md). */
export function socialEndpoints(client: ApiClient) {
  return {
    followingFeed(before: string | null, signal?: AbortSignal): Promise<Page<Post>> {
      return client.request('GET', '/feed/following', { query: { limit: PAGE, before }, signal });
    },
    profile(username: string, signal?: AbortSignal): Promise<Profile> {
      return client.request('GET', `/users/${encodeURIComponent(username)}`, { signal });
    },
    personPosts(username: string, before: string | null, signal?: AbortSignal): Promise<Page<Post>> {
      return client.request('GET', `/users/${encodeURIComponent(username)}/posts`, {
        query: { limit: PAGE, before },
        signal,
      });
    },
    topicPosts(tag: string, before: string | null, signal?: AbortSignal): Promise<TopicPage> {
      return client.request('GET', `/topics/${encodeURIComponent(tag)}/posts`, {
        query: { limit: PAGE, before },
        signal,
      });
    },
    setFollowPerson(id: number, on: boolean): Promise<FollowState> {
      return client.request(on ? 'PUT' : 'DELETE', `/users/${id}/follow`);
    },
    setFollowTopic(tag: string, on: boolean): Promise<FollowState> {
      return client.request(on ? 'PUT' : 'DELETE', `/topics/${encodeURIComponent(tag)}/follow`);
    },
    setFollowBlog(id: number, on: boolean): Promise<FollowState> {
      return client.request(on ? 'PUT' : 'DELETE', `/blogs/${id}/follow`);
    },
    myFollowing(signal?: AbortSignal): Promise<Following> {
      return client.request('GET', '/me/following', { signal });
    },
    people(prefix: string, space: Space | null, signal?: AbortSignal): Promise<{ items: PersonMatch[] }> {
      return client.request('GET', '/people', {
        query: { prefix, limit: '8', ...(space ? { space } : {}) },
        signal,
      });
    },
    notificationSettings(signal?: AbortSignal): Promise<{ settings: NotificationSettings }> {
      return client.request('GET', '/me/notification-settings', { signal });
    },
    setNotificationSettings(change: Partial<NotificationSettings>): Promise<{ settings: NotificationSettings }> {
      return client.request('PUT', '/me/notification-settings', { body: change });
    },
  };
}
