/** Words for moderation: report reasons, actions, and what each action does. */
import type { Question } from '../api/blogTypes';
import type { ModerationActionName, Post, Reply, ReportReason, ReportTarget } from '../api/types';

export const REPORT_REASONS: { value: ReportReason; label: string; help: string }[] = [
  { value: 'harassment', label: 'Harassment or bullying', help: 'Unkind, threatening or singling someone out.' },
  { value: 'confidential', label: 'Confidential information', help: 'Customer, financial or internal details that should not be shared here.' },
  { value: 'personal_data', label: 'Personal data', help: 'Phone numbers, addresses, health or other private details.' },
  { value: 'misleading', label: 'Misleading or false', help: 'Claims that are wrong or likely to mislead colleagues.' },
  { value: 'other', label: 'Something else', help: 'Tell the moderators in the comment.' },
];

export function reasonLabel(reason: ReportReason): string {
  return REPORT_REASONS.find((r) => r.value === reason)?.label ?? reason;
}

export const MAX_REPORT_COMMENT = 1000;
export const MAX_MODERATION_REASON = 500;

/** The actions that apply to an item in its current state. */
export function actionsFor(type: ReportTarget, item: Post | Reply | Question, post: Post | null, hasReports: boolean): ModerationActionName[] {
  const out: ModerationActionName[] = [];
  if (type === 'question') {
    // A question is not a thread: no lock. Hidden or removed ones go back as they were.
    const state = (item as Question).state;
    if (state === 'open' || state === 'answered' || state === 'declined') out.push('hide', 'remove');
    if (state === 'pending') out.push('remove');
    if (state === 'hidden') out.push('remove', 'restore');
    if (state === 'removed') out.push('restore');
  } else if (type === 'post') {
    const p = item as Post;
    if (p.state === 'published') out.push('hide', 'remove');
    if (p.state === 'hidden') out.push('remove', 'restore');
    if (p.state === 'removed') out.push('restore');
    if (p.state === 'published' || p.state === 'hidden') out.push(p.locked ? 'unlock' : 'lock');
  } else {
    const state = (item as Reply).state ?? 'visible';
    if (state === 'visible') out.push('hide', 'remove');
    if (state === 'hidden') out.push('remove', 'restore');
    if (state === 'removed') out.push('restore');
    void post;
  }
  if (hasReports) out.push('dismiss');
  return out;
}

const ACTION_LABELS: Record<ModerationActionName, string> = {
  hide: 'Hide',
  remove: 'Remove',
  restore: 'Restore',
  lock: 'Lock thread',
  unlock: 'Unlock thread',
  dismiss: 'Dismiss reports',
};

export function actionLabel(action: ModerationActionName): string {
  return ACTION_LABELS[action];
}

const ACTION_DONE: Record<ModerationActionName, string> = {
  hide: 'Hidden. Its author sees it marked hidden with your reason.',
  remove: 'Removed from every view.',
  restore: 'Restored.',
  lock: 'Thread locked: no new replies.',
  unlock: 'Thread unlocked.',
  dismiss: 'Reports dismissed.',
};

export function actionDone(action: ModerationActionName): string {
  return ACTION_DONE[action];
}
