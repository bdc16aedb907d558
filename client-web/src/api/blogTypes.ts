import type { Author, Post, PostAction } from './types';

export interface BlogStats {
  questions: number;
  answered: number;
  declined: number;
  waiting: number;
  overdue: number;
  answer_rate: number;
  median_seconds_to_answer: number | null;
  oldest_unanswered_seconds: number | null;
  promise_days: number;
}

export interface Blog {
  id: number;
  host: Author;
  title: string;
  description: string;
  promise_days: number;
  promise: string;
  premoderated: boolean;
  created_at: string;
  stats?: BlogStats;
}

export interface Answer {
  body: string;
  html: string;
  version: number;
  created_at: string;
  updated_at: string;
  edited: boolean;
}

export type QuestionState = 'pending' | 'open' | 'answered' | 'declined' | 'hidden' | 'removed';
export type QuestionSort = 'votes' | 'newest' | 'unanswered';

export interface Question {
  id: number;
  blog_id: number;
  /** null for an anonymous question, for everyone (the asker sees asked_by_me). */
  asker: Author | null;
  anonymous: boolean;
  asked_by_me: boolean;
  topic: string | null;
  body: string;
  state: QuestionState;
  vote_count: number;
  voted_by_me: boolean;
  decline_reason: string | null;
  created_at: string;
  asked_at: string | null;
  closed_at: string | null;
  overdue: boolean;
  answer: Answer | null;
}

export interface Article extends Post {
  blog_id: number;
  html: string;
}

export interface NewBlog {
  host_id: number;
  title: string;
  description: string;
  promise_days: number;
  premoderated: boolean;
}

export interface NewQuestion {
  body: string;
  anonymous: boolean;
  topic?: string;
}

export type ArticleAction = PostAction;

/** A page of questions: `next` continues the same sort (null on the last page). */
export interface QuestionPage {
  items: Question[];
  next: string | null;
}

/** One topic's questions and votes per week (the temperature view). */
export interface TopicTemperature {
  /** null: questions without a topic. */
  topic: string | null;
  questions: number[];
  votes: number[];
  total_questions: number;
  total_votes: number;
}

export interface Temperature {
  blog_id: number;
  weeks: number;
  /** Monday 00:00 UTC of each week, oldest first; the last is the current week. */
  week_starts: string[];
  topics: TopicTemperature[];
}
