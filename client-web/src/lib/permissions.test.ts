import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import {
  canSeePractice,
  canSubmitForReview,
  defaultSpace,
  postingSpaces,
  publishHint,
  roleLabel,
  spaceLabel,
  stateLabel,
} from './permissions';

const user = (role: User['role'], training_level: User['training_level'] = null): User => ({
  id: 1,
  username: 'u',
  display_name: 'U',
  role,
  training_level,
});

describe('permissions', () => {
  it('shows the practice feed to everyone but members', () => {
    expect(canSeePractice('member')).toBe(false);
    expect(canSeePractice('executive')).toBe(true);
    expect(canSeePractice('coach')).toBe(true);
    expect(canSeePractice('moderator')).toBe(true);
    expect(canSeePractice('admin')).toBe(true);
  });

  it('offers practice only to executives and coaches', () => {
    expect(postingSpaces('member')).toEqual(['company']);
    expect(postingSpaces('moderator')).toEqual(['company']);
    expect(postingSpaces('admin')).toEqual(['company']);
    expect(postingSpaces('coach')).toEqual(['practice', 'company']);
    expect(postingSpaces('executive')).toEqual(['practice', 'company']);
    expect(defaultSpace(user('executive', 'walk'))).toBe('practice');
    expect(defaultSpace(user('member'))).toBe('company');
  });

  it('offers review only to executives', () => {
    expect(canSubmitForReview('executive')).toBe(true);
    expect(canSubmitForReview('coach')).toBe(false);
    expect(canSubmitForReview('member')).toBe(false);
  });

  it('explains what the training level allows', () => {
    expect(publishHint(user('executive', 'crawl'), 'practice')).toMatch(/Crawl/);
    expect(publishHint(user('executive', 'crawl'), 'company')).toMatch(/Crawl/);
    expect(publishHint(user('executive', 'walk'), 'practice')).toBeNull();
    expect(publishHint(user('executive', 'walk'), 'company')).toMatch(/Walk/);
    expect(publishHint(user('executive', 'run'), 'company')).toBeNull();
    expect(publishHint(user('member'), 'company')).toBeNull();
  });

  it('labels roles, levels, states and spaces', () => {
    expect(roleLabel(user('executive', 'crawl'))).toBe('Executive · Crawl');
    expect(roleLabel(user('coach'))).toBe('Coach');
    expect(stateLabel('changes_requested')).toBe('Changes requested');
    expect(stateLabel('in_review')).toBe('In review');
    expect(spaceLabel('practice')).toBe('Practice');
  });
});
