import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { bellLabel, navItemsFor } from '../components/Header';
import { linkLabel, notificationHref } from '../screens/NotificationsScreen';
import { parsePolicyText } from '../screens/AdminScreen';
import { canPublishDirectly, correctsDirectly, isEditable } from './permissions';

const user = (role: User['role'], training_level: User['training_level'] = null): User => ({ id: 1, username: 'u', display_name: 'U', role, training_level });
const labels = (u: User) => navItemsFor(u, { name: 'feed', space: 'company' }).map((i) => i.label);

describe('navigation per role', () => {
  it('shows only what the role can use', () => {
    expect(labels(user('executive', 'crawl'))).toEqual(['Feed', 'My posts', 'Blogs', 'Goals', 'Reading', 'Insights', 'Mentoring']);
    expect(labels(user('coach'))).toEqual(['Feed', 'Review queue', 'My posts', 'Blogs', 'Reading', 'Cohort', 'Insights', 'Mentoring']);
    expect(labels(user('admin'))).toEqual(['Feed', 'Moderation', 'My posts', 'Blogs', 'Reading', 'Insights', 'Mentoring', 'Audit', 'Admin']);
    expect(labels(user('member'))).toEqual(['Feed', 'My posts', 'Blogs', 'Reading', 'Mentoring']);
    expect(labels(user('moderator'))).toEqual(['Feed', 'Moderation', 'My posts', 'Blogs', 'Reading', 'Mentoring', 'Audit']);
  });
  it('keeps the row short: the less used destinations go under "More"', () => {
    const more = (u: User) => navItemsFor(u, { name: 'feed', space: 'company' }).filter((i) => i.group === 'more').map((i) => i.label);
    expect(more(user('executive', 'walk'))).toEqual(['Reading', 'Insights', 'Mentoring']);
    expect(more(user('coach'))).toEqual(['Reading', 'Cohort', 'Insights', 'Mentoring']);
    expect(more(user('admin'))).toEqual(['Reading', 'Insights', 'Mentoring', 'Audit', 'Admin']);
    expect(more(user('moderator'))).toEqual(['Reading', 'Mentoring', 'Audit']);
    expect(more(user('member'))).toEqual(['Reading', 'Mentoring']);
    for (const role of ['executive', 'coach', 'admin', 'member', 'moderator'] as const)
      expect(navItemsFor(user(role), { name: 'feed', space: 'company' }).filter((i) => i.group === 'main').length).toBeLessThanOrEqual(5);
    const onAudit = navItemsFor(user('admin'), { name: 'audit' });
    expect(onAudit.find((i) => i.active)).toMatchObject({ label: 'Audit', group: 'more' });
  });
  it('names the bell with the unread count', () => {
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });
  it('links notifications to the right screen', () => {
    const n = { kind: 'submission_waiting', post_id: 7, goal_id: null };
    expect(notificationHref(n, 'coach')).toBe('/review/7');
    expect(notificationHref({ ...n, kind: 'verdict_given' }, 'executive')).toBe('/posts/7');
    expect(notificationHref({ kind: 'goal_due_soon', post_id: null, goal_id: 2 }, 'executive')).toBe('/goals');
    expect(notificationHref({ kind: 'goal_due_soon', post_id: null, goal_id: 2 }, 'coach')).toBe('/cohort');
    expect(notificationHref({ kind: 'x', post_id: null, goal_id: null }, 'coach')).toBeNull();
    const policy = { kind: 'policy_changed', post_id: null, goal_id: null, target: { type: 'policy_version', id: 4 } };
    expect(notificationHref(policy, 'coach')).toBe('/rules');
    expect(notificationHref({ ...policy, target: { type: 'unknown', id: 1 } }, 'coach')).toBeNull();
    expect(linkLabel(policy)).toBe('Read the golden rules');
    expect(linkLabel({ post_id: 3, goal_id: null })).toBe('Open the post');
    expect(linkLabel({ post_id: null, goal_id: 2 })).toBe('Open goals');
    expect(notificationHref({ kind: 'mentorship_requested', post_id: null, goal_id: null, target: { type: 'mentorship', id: 3 } }, 'member')).toBe('/mentoring');
    expect(notificationHref({ kind: 'mentor_question', post_id: 7, goal_id: null, target: null }, 'member')).toBe('/mentor/posts/7');
    expect(notificationHref({ kind: 'mentor_note', post_id: 7, goal_id: null, target: null }, 'executive')).toBe('/posts/7');
    const follower = { kind: 'new_follower', post_id: null, goal_id: null, target: { type: 'user', id: 9, username: 'sam' } };
    expect(notificationHref(follower, 'member')).toBe('/people/sam');
    expect(linkLabel(follower)).toBe('See their profile');
    expect(notificationHref({ ...follower, target: { type: 'user', id: 9 } }, 'member')).toBeNull();
  });
});

describe('workflow permissions', () => {
  it('knows editable states and direct publishing by level', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('changes_requested')).toBe(true);
    expect(isEditable('approved')).toBe(true);
    expect(correctsDirectly(user('executive', 'run'))).toBe(true);
    expect(correctsDirectly(user('executive', 'walk'))).toBe(false);
    expect(correctsDirectly(user('member'))).toBe(true);
    expect(isEditable('in_review')).toBe(false);
    expect(canPublishDirectly(user('executive', 'crawl'), 'practice')).toBe(false);
    expect(canPublishDirectly(user('executive', 'walk'), 'practice')).toBe(true);
    expect(canPublishDirectly(user('executive', 'walk'), 'company')).toBe(false);
    expect(canPublishDirectly(user('executive', 'run'), 'company')).toBe(true);
    expect(canPublishDirectly(user('coach'), 'company')).toBe(true);
  });
});

describe('policy editor', () => {
  it('checks the JSON before sending', () => {
    expect(parsePolicyText('{"version":2}')).toEqual({ ok: true, value: { version: 2 } });
    const bad = parsePolicyText('{"version":');
    expect(bad.ok).toBe(false);
    expect(parsePolicyText('[1]')).toEqual({ ok: false, message: 'The policy must be a JSON object.' });
  });
});
