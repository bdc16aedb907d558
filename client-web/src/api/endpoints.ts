/**
 * Typed calls for each API endpoint used by the client. New features add
 * their calls here (reviews and annotations, lint, notifications, admin).
 */
import type { ApiClient } from './client';
import { blogEndpoints } from './blogEndpoints';
import { readingEndpoints } from './readingEndpoints';
import { findEndpoints } from './findEndpoints';
import { socialEndpoints } from './socialEndpoints';
import { evidenceEndpoints } from './evidenceEndpoints';
import { drillEndpoints } from './drillEndpoints';
import type {
  AdminUser,
  JoiningEffect,
  UserAnalytics,
  AuditEntry,
  AuditFilters,
  ModerationAction,
  ModerationActionName,
  ModerationCase,
  Report,
  ReportReason,
  ReportTarget,
  Annotation,
  AnnotationReply,
  Author,
  Champion,
  CohortEntry,
  Goal,
  LikeResult,
  LintResult,
  MentorMessage,
  Mentorship,
  NewAnnotation,
  NewGoal,
  NewUser,
  NotificationPage,
  Page,
  PolicyDocument,
  PolicyVersionInfo,
  Post,
  PostAction,
  PostVersion,
  PostWithCorrection,
  PostWithReplies,
  QueueItem,
  Reply,
  Review,
  Role,
  Rubric,
  SecondFactor,
  Session,
  SessionInfo,
  Space,
  TotpEnrolment,
  TotpStatus,
  TrainingLevel,
  User,
  Verdict,
} from './types';

interface Items<T> {
  items: T[];
}

export const FEED_PAGE_SIZE = 20;

/** Audit filters as query parameters: empty ones left out, local times as RFC 3339 UTC. */
export function auditQuery(f: AuditFilters): Record<string, string | null> {
  const time = (v?: string) => {
    if (!v) return null;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  };
  const text = (v?: string) => (v && v.trim() !== '' ? v.trim() : null);
  return {
    actor: text(f.actor),
    action: text(f.action),
    target_type: text(f.target_type),
    target_id: text(f.target_id),
    since: time(f.since),
    until: time(f.until),
  };
}

export function createApi(client: ApiClient) {
  return {
    client,
    ...blogEndpoints(client),
    ...readingEndpoints(client),
    ...findEndpoints(client),
    ...socialEndpoints(client),
    ...evidenceEndpoints(client),
    ...drillEndpoints(client),

    login(username: string, password: string, second?: SecondFactor): Promise<Session> {
      return client.request<Session>('POST', '/auth/login', {
        body: { username, password, ...second },
        expectUnauthenticated: true,
      });
    },

    /** Proves again who is at the keyboard (sensitive actions ask after 10 minutes). */
    reauth(proof: { password: string } | { totp_code: string }): Promise<{ ok: boolean }> {
      return client.request('POST', '/auth/reauth', { body: proof, noReauth: true });
    },

    sessions(signal?: AbortSignal): Promise<Items<SessionInfo>> {
      return client.request('GET', '/me/sessions', { signal });
    },

    endSession(id: string): Promise<{ ended: number }> {
      return client.request('DELETE', `/me/sessions/${encodeURIComponent(id)}`);
    },

    endOtherSessions(): Promise<{ ended: number }> {
      return client.request('DELETE', '/me/sessions');
    },

    changePassword(currentPassword: string, newPassword: string): Promise<{ ended_sessions: number }> {
      return client.request('PUT', '/me/password', {
        body: { current_password: currentPassword, new_password: newPassword },
      });
    },

    totpStatus(signal?: AbortSignal): Promise<TotpStatus> {
      return client.request('GET', '/me/totp', { signal });
    },

    startTotp(): Promise<TotpEnrolment> {
      return client.request('POST', '/me/totp');
    },

    confirmTotp(code: string): Promise<{ enabled: boolean; recovery_codes: string[] }> {
      return client.request('POST', '/me/totp/confirm', { body: { code } });
    },

    disableTotp(password: string, code: string): Promise<{ enabled: boolean }> {
      return client.request('DELETE', '/me/totp', { body: { password, code } });
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

    // ----- coaching workflow: post lifecycle -----
    editPost(id: number, changes: { body?: string; space?: Space; share_with_mentor?: boolean }): Promise<{ post: Post }> {
      return client.request<{ post: Post }>('PATCH', `/posts/${id}`, { body: changes });
    },
    submitPost(id: number): Promise<{ post: Post }> {
      return client.request<{ post: Post }>('POST', `/posts/${id}/submit`);
    },
    publishPost(id: number): Promise<{ post: Post }> {
      return client.request<{ post: Post }>('POST', `/posts/${id}/publish`);
    },
    withdrawPost(id: number): Promise<{ post: Post }> {
      return client.request<{ post: Post }>('POST', `/posts/${id}/withdraw`);
    },
    /** Publish an approved post at `at` (an ISO time); the server publishes it then. */
    schedulePost(id: number, at: string): Promise<PostWithCorrection> {
      return client.request<PostWithCorrection>('POST', `/posts/${id}/schedule`, { body: { at } });
    },
    unschedulePost(id: number): Promise<PostWithCorrection> {
      return client.request<PostWithCorrection>('DELETE', `/posts/${id}/schedule`);
    },
    /** Correct a published post: directly at Run, through review below it. */
    correctPost(id: number, body: string): Promise<PostWithCorrection> {
      return client.request<PostWithCorrection>('POST', `/posts/${id}/correction`, { body: { body } });
    },
    publishCorrection(id: number): Promise<PostWithCorrection> {
      return client.request<PostWithCorrection>('POST', `/posts/${id}/correction/publish`);
    },
    discardCorrection(id: number): Promise<PostWithCorrection> {
      return client.request<PostWithCorrection>('DELETE', `/posts/${id}/correction`);
    },
    versions(id: number, signal?: AbortSignal): Promise<Items<PostVersion>> {
      return client.request<Items<PostVersion>>('GET', `/posts/${id}/versions`, { signal });
    },

    // ----- annotations -----
    annotations(postId: number, signal?: AbortSignal): Promise<Items<Annotation>> {
      return client.request<Items<Annotation>>('GET', `/posts/${postId}/annotations`, { signal });
    },
    annotate(postId: number, annotation: NewAnnotation): Promise<{ annotation: Annotation }> {
      return client.request<{ annotation: Annotation }>('POST', `/posts/${postId}/annotations`, { body: annotation });
    },
    replyToAnnotation(id: number, body: string): Promise<{ reply: AnnotationReply }> {
      return client.request<{ reply: AnnotationReply }>('POST', `/annotations/${id}/replies`, { body: { body } });
    },
    resolveAnnotation(id: number): Promise<{ annotation: Annotation }> {
      return client.request<{ annotation: Annotation }>('POST', `/annotations/${id}/resolve`);
    },
    applySuggestion(id: number): Promise<{ post: Post; annotation: Annotation }> {
      return client.request<{ post: Post; annotation: Annotation }>('POST', `/annotations/${id}/apply`);
    },

    // ----- reviews -----
    reviewQueue(signal?: AbortSignal): Promise<Items<QueueItem>> {
      return client.request<Items<QueueItem>>('GET', '/reviews/queue', { signal });
    },
    reviews(postId: number, signal?: AbortSignal): Promise<Items<Review>> {
      return client.request<Items<Review>>('GET', `/posts/${postId}/reviews`, { signal });
    },
    // `version` (required) is the version the coach read: the server refuses the verdict (409)
    // if the author changed the post meanwhile (an edit or a move to another space), so
    // nobody approves text they never saw.
    review(postId: number, version: number, verdict: Verdict, rubric: Rubric, comment: string): Promise<{ review: Review; post: Post }> {
      const body: Record<string, unknown> = { verdict, rubric, version };
      if (comment.trim() !== '') body.comment = comment.trim();
      return client.request<{ review: Review; post: Post }>('POST', `/posts/${postId}/reviews`, { body });
    },
    // The same verdict on a reply held for review (a Crawl executive's company reply).
    reviewReply(replyId: number, version: number, verdict: Verdict, rubric: Rubric, comment: string): Promise<{ review: Review; reply: Reply }> {
      const body: Record<string, unknown> = { verdict, rubric, version };
      if (comment.trim() !== '') body.comment = comment.trim();
      return client.request<{ review: Review; reply: Reply }>('POST', `/replies/${replyId}/reviews`, { body });
    },

    // ----- policy -----
    lint(body: string, signal?: AbortSignal): Promise<LintResult> {
      return client.request<LintResult>('POST', '/lint', { body: { body }, signal });
    },
    policy(signal?: AbortSignal): Promise<PolicyDocument> {
      return client.request<PolicyDocument>('GET', '/policy', { signal });
    },
    savePolicy(policy: unknown): Promise<PolicyDocument> {
      return client.request<PolicyDocument>('PUT', '/policy', { body: { policy } });
    },
    policyVersions(signal?: AbortSignal): Promise<Items<PolicyVersionInfo>> {
      return client.request<Items<PolicyVersionInfo>>('GET', '/policy/versions', { signal });
    },
    policyVersion(version: number, signal?: AbortSignal): Promise<PolicyDocument> {
      return client.request<PolicyDocument>('GET', `/policy/versions/${version}`, { signal });
    },
    /** A new version whose rules equal `version`. */
    rollbackPolicy(version: number): Promise<PolicyDocument> {
      return client.request<PolicyDocument>('POST', `/policy/versions/${version}/rollback`);
    },

    // ----- engagement analytics -----
    userAnalytics(userId: number, weeks: number, signal?: AbortSignal): Promise<UserAnalytics> {
      return client.request<UserAnalytics>('GET', `/analytics/users/${userId}`, { query: { weeks: String(weeks) }, signal });
    },
    joiningEffect(userId: number, days: number, signal?: AbortSignal): Promise<JoiningEffect> {
      return client.request<JoiningEffect>('GET', '/analytics/joining-effect', {
        query: { user_id: String(userId), days: String(days) },
        signal,
      });
    },

    // ----- cohort, levels, goals -----
    cohort(signal?: AbortSignal): Promise<Items<CohortEntry>> {
      return client.request<Items<CohortEntry>>('GET', '/cohort', { signal });
    },
    setLevel(userId: number, level: TrainingLevel): Promise<{ user: User }> {
      return client.request<{ user: User }>('PUT', `/users/${userId}/level`, { body: { level } });
    },
    goals(executiveId: number, signal?: AbortSignal): Promise<Items<Goal>> {
      return client.request<Items<Goal>>('GET', '/goals', { query: { executive_id: executiveId }, signal });
    },
    createGoal(goal: NewGoal): Promise<{ goal: Goal }> {
      return client.request<{ goal: Goal }>('POST', '/goals', { body: goal });
    },
    deleteGoal(id: number): Promise<{ ok: boolean }> {
      return client.request<{ ok: boolean }>('DELETE', `/goals/${id}`);
    },

    // ----- notifications -----
    notifications(before: string | null, unreadOnly: boolean, signal?: AbortSignal): Promise<NotificationPage> {
      return client.request<NotificationPage>('GET', '/notifications', {
        query: { limit: FEED_PAGE_SIZE, before, unread: unreadOnly ? 'true' : null },
        signal,
      });
    },
    markRead(ids: number[] | 'all'): Promise<{ unread_count: number }> {
      return client.request<{ unread_count: number }>('POST', '/notifications/read', {
        body: ids === 'all' ? { all: true } : { ids },
      });
    },

    // ----- moderation and the audit trail -----
    report(targetType: ReportTarget, targetId: number, reason: ReportReason, comment: string): Promise<{ report: Report }> {
      const body: Record<string, unknown> = { target_type: targetType, target_id: targetId, reason };
      if (comment.trim() !== '') body.comment = comment.trim();
      return client.request<{ report: Report }>('POST', '/reports', { body });
    },
    moderationQueue(before: string | null, signal?: AbortSignal): Promise<Page<ModerationCase>> {
      return client.request<Page<ModerationCase>>('GET', '/moderation/queue', { query: { limit: FEED_PAGE_SIZE, before }, signal });
    },
    moderate(targetType: ReportTarget, targetId: number, action: ModerationActionName, reason: string): Promise<{ action: ModerationAction }> {
      return client.request<{ action: ModerationAction }>('POST', '/moderation/actions', {
        body: { target_type: targetType, target_id: targetId, action, reason },
      });
    },
    audit(filters: AuditFilters, before: string | null, signal?: AbortSignal): Promise<Page<AuditEntry>> {
      return client.request<Page<AuditEntry>>('GET', '/audit', { query: { ...auditQuery(filters), limit: 50, before }, signal });
    },
    /** Where the browser downloads the JSON Lines export (admins). */
    auditExportHref(filters: AuditFilters): string {
      const q = new URLSearchParams();
      const { since, until } = auditQuery(filters);
      if (since) q.set('since', since);
      if (until) q.set('until', until);
      const s = q.toString();
      return `/api/v1/audit/export${s ? `?${s}` : ''}`;
    },

    // ----- admin -----
    users(signal?: AbortSignal): Promise<Items<AdminUser>> {
      return client.request<Items<AdminUser>>('GET', '/users', { signal });
    },
    createUser(user: NewUser): Promise<{ user: AdminUser }> {
      return client.request<{ user: AdminUser }>('POST', '/users', { body: user });
    },
    updateUser(id: number, changes: { display_name?: string; role?: Role; disabled?: boolean }): Promise<{ user: AdminUser }> {
      return client.request<{ user: AdminUser }>('PATCH', `/users/${id}`, { body: changes });
    },
    assignCoach(coachId: number, executiveId: number): Promise<{ ok: boolean }> {
      return client.request<{ ok: boolean }>('PUT', `/coaches/${coachId}/executives/${executiveId}`);
    },
    unassignCoach(coachId: number, executiveId: number): Promise<{ ok: boolean }> {
      return client.request<{ ok: boolean }>('DELETE', `/coaches/${coachId}/executives/${executiveId}`);
    },

    // Reverse mentoring.
    champions(signal?: AbortSignal): Promise<Page<Champion>> {
      return client.request<Page<Champion>>('GET', '/champions', { query: { limit: 100 }, signal });
    },
    championCandidates(signal?: AbortSignal): Promise<Items<Author>> {
      return client.request<Items<Author>>('GET', '/champions/candidates', { signal });
    },
    markChampion(userId: number, about: string): Promise<{ champion: Champion }> {
      return client.request<{ champion: Champion }>('PUT', `/champions/${userId}`, { body: { about } });
    },
    unmarkChampion(userId: number): Promise<{ ok: boolean }> {
      return client.request<{ ok: boolean }>('DELETE', `/champions/${userId}`);
    },
    mentorships(signal?: AbortSignal): Promise<Page<Mentorship>> {
      return client.request<Page<Mentorship>>('GET', '/mentorships', { query: { limit: 100 }, signal });
    },
    requestMentor(mentorId: number, executiveId?: number): Promise<{ mentorship: Mentorship }> {
      const body: Record<string, number> = { mentor_id: mentorId };
      if (executiveId !== undefined) body.executive_id = executiveId;
      return client.request<{ mentorship: Mentorship }>('POST', '/mentorships', { body });
    },
    answerMentorship(id: number, answer: 'accept' | 'decline'): Promise<{ mentorship: Mentorship }> {
      return client.request<{ mentorship: Mentorship }>('POST', `/mentorships/${id}/${answer}`);
    },
    endMentorship(id: number): Promise<{ mentorship: Mentorship }> {
      return client.request<{ mentorship: Mentorship }>('DELETE', `/mentorships/${id}`);
    },
    menteePosts(id: number, signal?: AbortSignal): Promise<Page<Post>> {
      return client.request<Page<Post>>('GET', `/mentorships/${id}/posts`, { query: { limit: 100 }, signal });
    },
    mentorThread(postId: number, signal?: AbortSignal): Promise<Items<MentorMessage>> {
      return client.request<Items<MentorMessage>>('GET', `/posts/${postId}/mentor-thread`, { signal });
    },
    askMentor(postId: number, body: string): Promise<{ message: MentorMessage }> {
      return client.request<{ message: MentorMessage }>('POST', `/posts/${postId}/mentor-thread`, { body: { body } });
    },
  };
}

export type Api = ReturnType<typeof createApi>;
