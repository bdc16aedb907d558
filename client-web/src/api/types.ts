/** Objects of the Greenroom HTTP API v1 (docs/API.md). */

export type Role = 'admin' | 'moderator' | 'coach' | 'executive' | 'member';
export type TrainingLevel = 'crawl' | 'walk' | 'run';
export type Space = 'practice' | 'company';
export type PostAction = 'draft' | 'submit' | 'publish';
export type PostState =
  | 'draft'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'published'
  | 'hidden'
  | 'removed';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  training_level?: TrainingLevel | null;
}

export interface Author {
  id: number;
  username: string;
  display_name: string;
}

export interface Post {
  id: number;
  author: Author;
  body: string;
  space: Space;
  state: PostState;
  version?: number;
  created_at: string;
  updated_at?: string;
  published_at?: string | null;
  reply_count: number;
  like_count: number;
  liked_by_me: boolean;
}

export interface Reply {
  id: number;
  post_id: number;
  author: Author;
  body: string;
  created_at: string;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PostWithReplies {
  post: Post;
  replies: Reply[];
}

export interface LikeResult {
  like_count: number;
  liked_by_me: boolean;
}
