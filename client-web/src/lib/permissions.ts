/**
 * What the interface offers to whom. This mirrors the posting rules of
 * docs/API.md so people are not shown choices that can never work; the
 * server remains the authority and its refusals are shown as they come.
 */
import type { PostState, Role, Space, TrainingLevel, User } from '../api/types';

export function canSeePractice(role: Role): boolean {
  return role === 'executive' || role === 'coach' || role === 'moderator' || role === 'admin';
}

/** Spaces a role may post to. */
export function postingSpaces(role: Role): Space[] {
  return role === 'executive' || role === 'coach' ? ['practice', 'company'] : ['company'];
}

export function canSubmitForReview(role: Role): boolean {
  return role === 'executive';
}

export function defaultSpace(user: User): Space {
  return postingSpaces(user.role)[0];
}

/**
 * A sentence telling an executive what Publish will do for their level and
 * chosen space, or null when publishing is simply allowed.
 */
export function publishHint(user: User, space: Space): string | null {
  if (user.role !== 'executive') return null;
  switch (user.training_level ?? null) {
    case 'crawl':
      return 'At Crawl level a coach approves every post before it is published: use Submit for review.';
    case 'walk':
      return space === 'company'
        ? 'At Walk level posts to Company need a coach’s approval first: use Submit for review.'
        : null;
    case 'run':
      return null;
    default:
      return null;
  }
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  moderator: 'Moderator',
  coach: 'Coach',
  executive: 'Executive',
  member: 'Member',
};

const LEVEL_LABELS: Record<TrainingLevel, string> = { crawl: 'Crawl', walk: 'Walk', run: 'Run' };

export function roleLabel(user: Pick<User, 'role' | 'training_level'>): string {
  const role = ROLE_LABELS[user.role] ?? user.role;
  const level = user.training_level ? LEVEL_LABELS[user.training_level] : null;
  return level ? `${role} · ${level}` : role;
}

const STATE_LABELS: Record<PostState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  hidden: 'Hidden',
  removed: 'Removed',
};

export function stateLabel(state: PostState): string {
  return STATE_LABELS[state] ?? state;
}

export function spaceLabel(space: Space): string {
  return space === 'company' ? 'Company' : 'Practice';
}

export const LEVELS: TrainingLevel[] = ['crawl', 'walk', 'run'];

export function levelLabel(level: TrainingLevel | null | undefined): string {
  return level ? LEVEL_LABELS[level] ?? level : '—';
}

export const ROLES: Role[] = ['executive', 'coach', 'member', 'moderator', 'admin'];

export function roleName(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/**
 * Whether the author may still change the post (PATCH, apply a suggestion). An approved
 * post stays editable, but any change other than the approving coach's own suggestion
 * sends it back to review.
 */
export function isEditable(state: PostState): boolean {
  return state === 'draft' || state === 'changes_requested' || state === 'approved';
}

/** Whether a published post's author corrects it directly (Run, or no review needed). */
export function correctsDirectly(user: Pick<User, 'role' | 'training_level'>): boolean {
  return user.role !== 'executive' || user.training_level === 'run';
}

/** Whether the author may (re)submit the post for review. */
export function canSubmitState(state: PostState): boolean {
  return state === 'draft' || state === 'changes_requested';
}

/**
 * Whether an executive's level lets them publish a draft straight away to
 * `space` (the server decides; this only hides a button that cannot work).
 */
export function canPublishDirectly(user: Pick<User, 'role' | 'training_level'>, space: Space): boolean {
  if (user.role !== 'executive') return true;
  if (user.training_level === 'run') return true;
  if (user.training_level === 'walk') return space === 'practice';
  return false;
}
