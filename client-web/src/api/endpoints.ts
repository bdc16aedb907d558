/**
 * Typed calls for each API endpoint used by the client. New features add
 * their calls here (reviews and annotations, lint, notifications, admin).
 */
import type { ApiClient } from './client';
import type {
  AdminUser,
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
  Post,
  PostAction,
  PostVersion,
  PostWithReplies,
  QueueItem,
  Reply,
  Review,
  Role,
  Rubric,
  Session,
  Space,
  TrainingLevel,
  User,
  Verdict,
} from './types';

interface Items<T> {
  items: T[];
}

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
    // `version` is the version the coach read: the server refuses the verdict (409) if the
    // author changed the post meanwhile, so nobody approves text they never saw.
    review(postId: number, version: number | undefined, verdict: Verdict, rubric: Rubric, comment: string): Promise<{ review: Review; post: Post }> {
      const body: Record<string, unknown> = { verdict, rubric };
      if (version !== undefined) body.version = version;
      if (comment.trim() !== '') body.comment = comment.trim();
      return client.request<{ review: Review; post: Post }>('POST', `/posts/${postId}/reviews`, { body });
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
