import type { Blog, Question } from './blogTypes';
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

/** An @mention or #topic the server recognised in a text; offsets in code points. */
export interface TextReference {
  kind: 'mention' | 'topic';
  value: string;
  start: number;
  end: number;
}

export interface Post {
  id: number;
  author: Author;
  body: string;
  references?: TextReference[];
  space: Space;
  state: PostState;
  version?: number;
  created_at: string;
  updated_at?: string;
  published_at?: string | null;
  reply_count: number;
  like_count: number;
  liked_by_me: boolean;
  /** A moderator locked the thread: no new replies. */
  locked?: boolean;
  /** Why a moderator hid or removed it (shown to its author and moderators). */
  moderation_reason?: string | null;
  /** An approved post publishes by itself at this time (the author's choice). */
  scheduled_at?: string | null;
  /** The published text was corrected at this time ("edited"). */
  edited_at?: string | null;
  /** A correction of the published post waiting for review (the author only). */
  correction_state?: CorrectionState | null;
  /** the author's "show my mentor" switch */
  share_with_mentor?: boolean;
}

export type CorrectionState = 'in_review' | 'changes_requested' | 'approved';

/** The pending correction of a published post (author and coaches). */
export interface Correction {
  version: number;
  body: string;
  state: CorrectionState;
  created_at: string;
}

/** Answer of the scheduling and correction routes. */
export interface PostWithCorrection {
  post: Post;
  correction: Correction | null;
}

/** Where a reply is in a coach's review: `none` (never needed one), held, or approved. */
export type ReplyReviewState = 'none' | 'in_review' | 'changes_requested' | 'approved';
export type ReplyState = 'visible' | 'hidden' | 'removed';

export interface Reply {
  id: number;
  post_id: number;
  author: Author;
  body: string;
  references?: TextReference[];
  created_at: string;
  /** moderation: `visible`, `hidden` or `removed` */
  state?: ReplyState;
  moderation_reason?: string | null;
  /** a Crawl executive's company reply is held (`in_review`) until a coach approves it */
  review_state?: ReplyReviewState;
  version?: number;
  /** a drill reply: seen only by the drill's executive and their coaches */
  drill_private?: boolean;
  /** a coach's simulated reply in a drill: the persona played, with the label to show */
  persona?: { id: number; name: string; label: string } | null;
}

export interface Session {
  user: User;
  csrf_token: string;
  /** GET /me: how many notifications are unread. */
  unread_notifications?: number;
  /** GET /me: second-factor state of the account. */
  security?: SecurityState;
}

export interface SecurityState {
  totp_enabled: boolean;
  /** The deployment requires TOTP for this role (until enrolled, only enrolment works). */
  totp_required: boolean;
}

/** One of the caller's sessions (GET /me/sessions). */
export interface SessionInfo {
  /** Opaque, not secret. */
  id: string;
  user_agent: string;
  client_address: string;
  created_at: string;
  last_seen_at: string;
  current: boolean;
}

export interface TotpStatus extends SecurityState {
  recovery_codes_left: number;
}

export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
  digits: number;
  period: number;
}

/** The second factor given at sign-in (one of them). */
export type SecondFactor = { totp_code: string } | { recovery_code: string };

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PostWithReplies {
  post: Post;
  replies: Reply[];
  /** the drill this post was written for, when the caller may see the drill */
  drill?: import('./drillTypes').Drill | null;
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
  /** A correction not yet published (author and coaches only). */
  pending?: boolean;
  /** The notes made on this version, anchored where they were on this version's text. */
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
  /** set when the verdict is on a reply of the post */
  reply_id?: number | null;
  coach: Author;
  verdict: Verdict;
  comment: string | null;
  rubric: Rubric;
  created_at: string;
}

export interface QueueItem {
  /** `post`: a post in review; `reply`: a held reply, with `post` the post it answers */
  kind?: 'post' | 'reply';
  post: Post;
  reply?: Reply;
  submitted_at: string;
  waiting_seconds: number;
}

export type GoalMetric =
  | 'company_posts'
  | 'practice_posts'
  | 'replies'
  | 'likes_received'
  | 'replies_within_24h'
  | 'questions_answered'
  | 'people_followed'
  | 'feeds_followed'
  | 'reading_days'
  | 'mentions_answered'
  | 'drills_completed';
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
  | 'goal_due_soon'
  | 'mention';

export interface AppNotification {
  id: number;
  kind: NotificationKind | string;
  message: string;
  post_id: number | null;
  annotation_id: number | null;
  goal_id: number | null;
  /** What the notice is about when it is not a post, annotation or goal. */
  target?: NotificationTarget | null;
  created_at: string;
  read: boolean;
}

export interface NotificationTarget {
  type: string;
  id: number;
  /** For `type: "user"` (a new follower): the person's username while their account is enabled. */
  username?: string;
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
  /** who saved it (GET /policy/versions/{n}); null for the rules seeded at install */
  created_by?: Author | null;
}

export interface PolicyVersionInfo {
  version: number;
  created_at: string;
  created_by: Author | null;
}

// ---------- moderation and the audit trail ----------

export type ReportTarget = 'post' | 'reply' | 'question';
export type ReportReason = 'harassment' | 'confidential' | 'personal_data' | 'misleading' | 'other';
export type ModerationActionName = 'hide' | 'remove' | 'restore' | 'lock' | 'unlock' | 'dismiss';

export interface Report {
  id: number;
  target_type: ReportTarget;
  target_id: number;
  reason: ReportReason;
  comment: string;
  created_at: string;
  updated_at: string;
  reporter?: Author;
}

/** One reported item in the moderation queue with its open reports. */
export interface ModerationCase {
  id: number;
  target_type: ReportTarget;
  target_id: number;
  report_count: number;
  first_reported_at: string;
  reasons: Partial<Record<ReportReason, number>>;
  reports: Report[];
  /** The reported post, reply or blog question (an anonymous question has no asker here either). */
  item: Post | Reply | Question;
  /** The post itself, or the post the reply answers; null for a question. */
  post: Post | null;
  /** The question's blog (questions only). */
  blog?: Blog;
  own_content: boolean;
}

export interface ModerationAction {
  id: number;
  target_type: ReportTarget;
  target_id: number;
  action: ModerationActionName;
  reason: string;
  created_at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: Author | null;
  action: string;
  target_type: string;
  target_id: number | null;
  reason: string;
  client: string;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  target_type?: string;
  target_id?: string;
  since?: string;
  until?: string;
}

/** One week of a person's public activity (GET /analytics/users/{id}). */
export interface WeekActivity {
  week_start: string;
  posts: number;
  replies_given: number;
  replies_received: number;
  likes_received: number;
  repliers: number;
  median_seconds_to_first_reply: number | null;
  active_days: number;
}

export interface UserAnalytics {
  user: Author;
  space: 'all' | 'company' | 'practice';
  weeks: WeekActivity[];
  totals: Omit<WeekActivity, 'week_start' | 'repliers'>;
}

export interface ActivityCounts {
  posts: number;
  replies: number;
  likes: number;
}

/** The company space around a person's first company post (GET /analytics/joining-effect). */
export interface JoiningEffect {
  user: Author;
  days: number;
  joined_at: string | null;
  before: ActivityCounts | null;
  after: ActivityCounts | null;
  change_percent: { posts: number | null; replies: number | null; likes: number | null } | null;
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
