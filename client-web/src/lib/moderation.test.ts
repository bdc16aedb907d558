import { describe, expect, it } from 'vitest';
import type { Post, Reply } from '../api/types';
import { auditQuery } from '../api/endpoints';
import { actionsFor, reasonLabel, REPORT_REASONS } from './moderation';

const post = (state: Post['state'], locked = false): Post => ({
  id: 1,
  author: { id: 2, username: 'a', display_name: 'A' },
  body: 'x',
  space: 'company',
  state,
  created_at: '2026-11-27T10:00:00Z',
  reply_count: 0,
  like_count: 0,
  liked_by_me: false,
  locked,
});
const reply = (state: Reply['state']): Reply => ({ id: 3, post_id: 1, author: { id: 4, username: 'b', display_name: 'B' }, body: 'y', created_at: '2026-11-27T10:00:00Z', state });

describe('moderation actions offered', () => {
  it('follow the item state like the server does', () => {
    expect(actionsFor('post', post('published'), post('published'), true)).toEqual(['hide', 'remove', 'lock', 'dismiss']);
    expect(actionsFor('post', post('hidden', true), post('hidden', true), false)).toEqual(['remove', 'restore', 'unlock']);
    expect(actionsFor('post', post('removed'), post('removed'), false)).toEqual(['restore']);
    expect(actionsFor('reply', reply('visible'), post('published'), true)).toEqual(['hide', 'remove', 'dismiss']);
    expect(actionsFor('reply', reply('hidden'), post('published'), false)).toEqual(['remove', 'restore']);
  });
  it('names every report reason', () => {
    expect(REPORT_REASONS.map((r) => r.value)).toEqual(['harassment', 'confidential', 'personal_data', 'misleading', 'other']);
    expect(reasonLabel('personal_data')).toBe('Personal data');
  });
});

describe('audit filters', () => {
  it('leave out empty fields and send times as UTC', () => {
    const q = auditQuery({ actor: ' mo ', action: '', target_id: '7', since: '2026-11-27T10:00' });
    expect(q.actor).toBe('mo');
    expect(q.action).toBeNull();
    expect(q.target_id).toBe('7');
    expect(q.since).toMatch(/^2026-11-2\dT\d\d:\d\d:00\.000Z$/);
    expect(q.until).toBeNull();
  });
});
