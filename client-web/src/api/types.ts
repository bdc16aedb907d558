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
  /** the author's "show my mentor" switch */
  share_with_mentor?: boolean;
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
  /** GET /me: how many notifications are unread. */
  unread_notifications?: number;
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

// ---------- coaching workflow ----------

export type Severity = 'error' | 'warning' | 'info';

/** A policy lint finding; start/end are code points, end exclusive. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

export interface LintResult {
  findings: Finding[];
  policy_version: number;
}

export type AnnotationCategory = 'praise' | 'tone' | 'clarity' | 'policy' | 'risk';

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface AnnotationReply {
  id: number;
  author: Author;
  body: string;
  created_at: string;
}

export interface Annotation {
  id: number;
  post_id: number;
  version: number;
  coach: Author;
  /** whose note: the author's coach, or the author's reverse mentor */
  author_role?: 'coach' | 'mentor';
  category: AnnotationCategory;
  comment: string;
  suggestion: string | null;
  anchor: Anchor;
  /** where the anchor was on the version the annotation was made on */
  original?: { start: number; end: number };
  orphaned: boolean;
  resolved: boolean;
  resolved_at: string | null;
  applied: boolean;
  created_at: string;
  replies: AnnotationReply[];
}

export interface NewAnnotation {
  start: number;
  end: number;
  quote?: string;
  category: AnnotationCategory;
  comment: string;
  suggestion?: string;
}

export interface PostVersion {
  version: number;
  body: string;
  created_at: string;
  annotations: Annotation[];
}

export type Verdict = 'approve' | 'changes_requested';

export interface Rubric {
  clarity: number;
  tone: number;
  audience_fit: number;
  policy: number;
}

export interface Review {
  id: number;
  post_id: number;
  version: number;
  coach: Author;
  verdict: Verdict;
  comment: string | null;
  rubric: Rubric;
  created_at: string;
}

export interface QueueItem {
  post: Post;
  submitted_at: string;
  waiting_seconds: number;
}

export type GoalMetric = 'company_posts' | 'practice_posts' | 'replies' | 'likes_received';
export type GoalTerm = 'short' | 'mid' | 'long';
export type GoalStatus = 'on_track' | 'due_soon' | 'overdue' | 'done';

export interface Goal {
  id: number;
  executive_id: number;
  coach: Author;
  title: string;
  metric: GoalMetric;
  target: number;
  term: GoalTerm;
  due_at: string;
  created_at: string;
  progress: number;
  status: GoalStatus;
}

export interface NewGoal {
  executive_id: number;
  title: string;
  metric: GoalMetric;
  target: number;
  term: GoalTerm;
  due_at: string;
}

export interface CohortEntry {
  user: User;
  /** the executive's open reverse-mentoring pairings */
  mentorships?: Mentorship[];
  goals: Goal[];
  waiting_reviews: number;
}

export type NotificationKind =
  | 'submission_waiting'
  | 'verdict_given'
  | 'new_annotation'
  | 'annotation_reply'
  | 'goal_due_soon';

export interface AppNotification {
  id: number;
  kind: NotificationKind | string;
  message: string;
  post_id: number | null;
  annotation_id: number | null;
  goal_id: number | null;
  created_at: string;
  read: boolean;
}

export interface NotificationPage extends Page<AppNotification> {
  unread_count: number;
}

/** A user as the admin's user list shows it. */
export interface AdminUser extends User {
  coaches?: number[];
  disabled?: boolean;
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  password: string;
  level?: TrainingLevel;
}

export interface PolicyDocument {
  version: number;
  policy: Record<string, unknown>;
  updated_at: string;
}

/** A digital champion: a staff member who knows social media. */
export interface Champion {
  user: Author;
  about: string;
  marked_by: Author;
  created_at: string;
}

export type MentorshipState = 'requested' | 'active' | 'declined' | 'ended';

/** An executive and their reverse mentor (a champion). */
export interface Mentorship {
  id: number;
  executive: Author;
  mentor: Author;
  state: MentorshipState;
  requested_by: Author;
  created_at: string;
  updated_at: string;
}

/** One message of the private thread between an executive and their mentor on a post. */
export interface MentorMessage {
  id: number;
  post_id: number;
  mentor_id: number;
  author: Author;
  body: string;
  created_at: string;
}
