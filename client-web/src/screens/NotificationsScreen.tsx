import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { AppNotification, Role } from '../api/types';
import { LoadError, LoadingLine } from '../components/Loader';
import { NotificationSettingsPanel } from '../components/NotificationSettingsPanel';
import { RelativeTime } from '../components/RelativeTime';
import { useApp } from '../context';
import { Link } from '../navigation';

const KIND_LABELS: Record<string, string> = {
  submission_waiting: 'Waiting for review',
  verdict_given: 'Verdict',
  new_annotation: 'New annotation',
  annotation_reply: 'Reply',
  goal_due_soon: 'Goal due soon',
  item_reported: 'Reported',
  item_reported_often: 'Reported often',
  report_resolved: 'Your report',
  moderation_action: 'Moderation',
  mentorship_requested: 'Mentoring request',
  mentorship_accepted: 'Mentoring',
  mentorship_declined: 'Mentoring',
  mentorship_ended: 'Mentoring',
  mentor_note: 'Mentor note',
  mentor_question: 'Question for you',
  mentor_answer: 'Mentor answer',
  mention: 'Mention',
  question_asked: 'New question',
  question_hot: 'Popular question',
  question_answered: 'Answered',
  question_declined: 'Declined',
  policy_changed: 'Golden rules',
  reply: 'Reply to your post',
  like: 'Likes',
  new_follower: 'New follower',
  new_article: 'New article',
  drill_assigned: 'New drill',
  drill_started: 'Drill post written',
  drill_persona_reply: 'Simulated reply',
  drill_answer: 'Drill answer',
  drill_completed: 'Drill completed',
};

/** Where a notice about something other than a post or goal leads, by target type. */
const TARGET_HREFS: Record<string, (id: number) => string> = {
  policy_version: () => '/rules',
  mentorship: () => '/mentoring',
  question: (id) => `/questions/${id}`,
  drill: () => '/goals',
};

/** The words of a notice's link, by what it leads to. */
const TARGET_LABELS: Record<string, string> = {
  policy_version: 'Read the golden rules',
  question: 'Open the question',
  mentorship: 'Open mentoring',
  user: 'See their profile',
  drill: 'Open your drills',
};

export function linkLabel(n: Pick<AppNotification, 'post_id' | 'goal_id' | 'target'>): string {
  if (n.post_id) return 'Open the post';
  if (n.goal_id) return 'Open goals';
  return (n.target && TARGET_LABELS[n.target.type]) || 'Open';
}

/** Where a notification leads: a coach reviews submissions in the workspace. */
export function notificationHref(
  n: Pick<AppNotification, 'kind' | 'post_id' | 'goal_id' | 'target'>,
  role: Role,
): string | null {
  if ((n.kind === 'item_reported' || n.kind === 'item_reported_often') && (role === 'moderator' || role === 'admin')) return '/moderation';
  if (n.post_id) {
    // A reverse mentor works on the executive's post in the mentor notes workspace.
    if (n.kind === 'mentor_question') return `/mentor/posts/${n.post_id}`;
    if (role === 'coach' && (n.kind === 'submission_waiting' || n.kind === 'annotation_reply')) return `/review/${n.post_id}`;
    return `/posts/${n.post_id}`;
  }
  if (n.goal_id) return role === 'coach' ? '/cohort' : '/goals';
  // A new follower: their profile (no link once their account is disabled: no username then).
  if (n.target?.type === 'user') return n.target.username ? `/people/${encodeURIComponent(n.target.username)}` : null;
  const toTarget = n.target ? TARGET_HREFS[n.target.type] : undefined;
  if (n.target && toTarget) return toTarget(n.target.id);
  return null;
}

export function NotificationsScreen() {
  const { api, user, announce, setUnread } = useApp();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'idle' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | 'all' | null>(null);
  const [serial, setSerial] = useState(0);

  const loadPage = async (before: string | null, signal?: AbortSignal) => {
    setStatus('loading');
    setError(null);
    try {
      const page = await api.notifications(before, false, signal);
      if (signal?.aborted) return;
      setItems((prev) => {
        const base = before ? prev : [];
        const seen = new Set(base.map((i) => i.id));
        return base.concat(page.items.filter((i) => !seen.has(i.id)));
      });
      setNext(page.next ?? null);
      if (typeof page.unread_count === 'number') setUnread(page.unread_count);
      setStatus('idle');
    } catch (e) {
      if (signal?.aborted) return;
      if (e instanceof ApiError && e.status === 401) return;
      setStatus('error');
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void loadPage(null, controller.signal);
    return () => controller.abort();
  }, [serial]);

  const markRead = async (which: number | 'all') => {
    if (busy !== null) return;
    setBusy(which);
    setActionError(null);
    try {
      const { unread_count } = await api.markRead(which === 'all' ? 'all' : [which]);
      setItems((list) => list.map((n) => (which === 'all' || n.id === which ? { ...n, read: true } : n)));
      setUnread(unread_count);
      announce(which === 'all' ? 'All notifications marked as read.' : 'Marked as read.', 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setActionError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const unreadShown = items.filter((n) => !n.read).length;

  return (
    <>
      <div class="page-head page-head-actions">
        <div>
          <h1 tabIndex={-1}>Notifications</h1>
          <p class="lede">Submissions, verdicts, annotations, replies and goals, newest first.</p>
        </div>
        <button type="button" class="button secondary" onClick={() => void markRead('all')} aria-disabled={busy !== null || unreadShown === 0}>
          {busy === 'all' ? 'Marking…' : 'Mark all as read'}
        </button>
      </div>
      <NotificationSettingsPanel />
      <div class="form-error" role="alert">
        {actionError}
      </div>
      {status === 'loading' && items.length === 0 && <LoadingLine what="notifications" />}
      {status === 'error' && error && <LoadError message={error} onRetry={() => (items.length ? void loadPage(next) : setSerial(serial + 1))} />}
      {status === 'idle' && items.length === 0 && (
        <div class="empty">
          <p>No notifications yet.</p>
        </div>
      )}
      {items.length > 0 && (
        <ol class="notification-list" aria-label="Notifications">
          {items.map((n) => {
            const href = notificationHref(n, user.role);
            return (
              <li key={n.id} class={`notification${n.read ? '' : ' is-unread'}`} data-notification-id={n.id}>
                <p class="notification-head">
                  <span class="badge">{KIND_LABELS[n.kind] ?? n.kind}</span>
                  {!n.read && <span class="badge badge-unread">Unread</span>}
                  <span class="muted small">
                    <RelativeTime iso={n.created_at} />
                  </span>
                </p>
                <p class="notification-message">{n.message}</p>
                <div class="notification-actions">
                  {href && (
                    <Link href={href} class="button ghost small">
                      {linkLabel(n)}
                    </Link>
                  )}
                  {!n.read && (
                    <button type="button" class="button secondary small" onClick={() => void markRead(n.id)} aria-disabled={busy !== null}>
                      Mark read<span class="visually-hidden">: {n.message}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {next !== null && status !== 'error' && (
        <div class="list-footer">
          <button type="button" class="button secondary load-more" onClick={() => void loadPage(next)} aria-disabled={status === 'loading'}>
            {status === 'loading' ? 'Loading more notifications…' : 'Load more notifications'}
          </button>
        </div>
      )}
    </>
  );
}
