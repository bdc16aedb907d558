/**
 * Typed calls for each API endpoint used by the client. New features add
 * their calls here (reviews and annotations, lint, notifications, admin).
 */
import type { ApiClient } from './client';
import type { LikeResult, Page, Post, PostAction, PostWithReplies, Reply, Session, Space } from './types';

export const FEED_PAGE_SIZE = 20;

export function createApi(client: ApiClient) {
  return {
    client,

    login(username: string, password: string): Promise<Session> {
      return client.request<Session>('POST', '/auth/login', {
        body: { username, password },
        expectUnauthenticated: true,
      });
    },

    logout(): Promise<void> {
      return client.request<void>('POST', '/auth/logout', { expectUnauthenticated: true });
    },

    /** The current session; rejects with a 401 ApiError when signed out. */
    me(): Promise<Session> {
      return client.request<Session>('GET', '/me', { expectUnauthenticated: true });
    },

    feed(space: Space, before: string | null, signal?: AbortSignal): Promise<Page<Post>> {
      return client.request<Page<Post>>('GET', '/feed', {
        query: { space, limit: FEED_PAGE_SIZE, before },
        signal,
      });
    },

    myPosts(before: string | null, signal?: AbortSignal): Promise<Page<Post>> {
      return client.request<Page<Post>>('GET', '/me/posts', {
        query: { limit: FEED_PAGE_SIZE, before },
        signal,
      });
    },

    post(id: number, signal?: AbortSignal): Promise<PostWithReplies> {
      return client.request<PostWithReplies>('GET', `/posts/${id}`, { signal });
    },

    createPost(body: string, space: Space, action: PostAction): Promise<{ post: Post }> {
      return client.request<{ post: Post }>('POST', '/posts', { body: { body, space, action } });
    },

    reply(postId: number, body: string): Promise<{ reply: Reply }> {
      return client.request<{ reply: Reply }>('POST', `/posts/${postId}/replies`, { body: { body } });
    },

    like(postId: number): Promise<LikeResult> {
      return client.request<LikeResult>('PUT', `/posts/${postId}/like`);
    },

    unlike(postId: number): Promise<LikeResult> {
      return client.request<LikeResult>('DELETE', `/posts/${postId}/like`);
    },
  };
}

export type Api = ReturnType<typeof createApi>;
