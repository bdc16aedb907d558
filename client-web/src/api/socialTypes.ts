import type { Author, Page, Post, Role, TrainingLevel } from './types';

/** What a follow/unfollow answers: whether the caller follows now, and how many do. */
export interface FollowState {
  following: boolean;
  followers: number;
}

export interface Profile {
  user: Author & { role: Role; training_level?: TrainingLevel };
  blog: { id: number; title: string } | null;
  followers: number;
  following: number;
  followed_by_me: boolean;
  is_me: boolean;
  posts: Page<Post>;
}

export interface TopicPage extends Page<Post> {
  topic: { tag: string; followers: number; followed_by_me: boolean };
}

export interface Following {
  people: Author[];
  topics: string[];
  blogs: { id: number; title: string; host: Author }[];
}

/** A person found by the @-lookup; `can_see` when asked about a space. */
export interface PersonMatch extends Author {
  role: Role;
  can_see?: boolean;
}

export const EVERYDAY_KINDS = ['reply', 'like', 'mention', 'new_follower', 'new_article'] as const;
export type EverydayKind = (typeof EVERYDAY_KINDS)[number];
export type NotificationSettings = Record<EverydayKind, boolean>;
