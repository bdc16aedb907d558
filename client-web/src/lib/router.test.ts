import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, routeAllowed, titleFor, type Route } from './router';

describe('parseRoute', () => {
  it('maps the known paths', () => {
    expect(parseRoute('/')).toEqual({ name: 'feed', space: 'company' });
    expect(parseRoute('')).toEqual({ name: 'feed', space: 'company' });
    expect(parseRoute('/company')).toEqual({ name: 'feed', space: 'company' });
    expect(parseRoute('/practice')).toEqual({ name: 'feed', space: 'practice' });
    expect(parseRoute('/posts/42')).toEqual({ name: 'post', id: 42 });
    expect(parseRoute('/compose')).toEqual({ name: 'compose' });
    expect(parseRoute('/me/posts')).toEqual({ name: 'my-posts' });
    expect(parseRoute('/review')).toEqual({ name: 'review-queue' });
    expect(parseRoute('/review/9')).toEqual({ name: 'review', id: 9 });
    expect(parseRoute('/review/replies/12')).toEqual({ name: 'review-reply', id: 12 });
    expect(parseRoute('/cohort')).toEqual({ name: 'cohort' });
    expect(parseRoute('/goals')).toEqual({ name: 'goals' });
    expect(parseRoute('/notifications')).toEqual({ name: 'notifications' });
    expect(parseRoute('/admin')).toEqual({ name: 'admin', section: 'users' });
    expect(parseRoute('/admin/policy')).toEqual({ name: 'admin', section: 'policy' });
    expect(parseRoute('/admin/nope').name).toBe('not-found');
    expect(parseRoute('/moderation')).toEqual({ name: 'moderation' });
    expect(parseRoute('/audit')).toEqual({ name: 'audit' });
    expect(parseRoute('/insights')).toEqual({ name: 'insights' });
    expect(parseRoute('/search')).toEqual({ name: 'search' });
    expect(hrefFor({ name: 'search' })).toBe('/search');
    expect(titleFor({ name: 'search' })).toBe('Search');
    expect(parseRoute('/review/0').name).toBe('not-found');
  });

  it('ignores a trailing slash', () => {
    expect(parseRoute('/compose/')).toEqual({ name: 'compose' });
    expect(parseRoute('/posts/7/')).toEqual({ name: 'post', id: 7 });
  });

  it('refuses bad post ids and unknown paths', () => {
    expect(parseRoute('/posts/0').name).toBe('not-found');
    expect(parseRoute('/posts/abc').name).toBe('not-found');
    expect(parseRoute('/posts/1234567890123456789').name).toBe('not-found');
    expect(parseRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('round-trips through hrefFor', () => {
    const routes: Route[] = [
      { name: 'feed', space: 'company' },
      { name: 'feed', space: 'practice' },
      { name: 'post', id: 3 },
      { name: 'compose' },
      { name: 'my-posts' },
      { name: 'review-queue' },
      { name: 'review', id: 4 },
      { name: 'review-reply', id: 5 },
      { name: 'cohort' },
      { name: 'goals' },
      { name: 'notifications' },
      { name: 'admin', section: 'users' },
      { name: 'admin', section: 'coaches' },
      { name: 'admin', section: 'policy' },
    ];
    for (const r of routes) expect(parseRoute(hrefFor(r))).toEqual(r);
  });
});

describe('routeAllowed', () => {
  it('opens moderation and the audit trail to moderators and admins only', () => {
    for (const role of ['moderator', 'admin'] as const) {
      expect(routeAllowed({ name: 'moderation' }, role)).toBe(true);
      expect(routeAllowed({ name: 'audit' }, role)).toBe(true);
    }
    for (const role of ['member', 'coach', 'executive'] as const) {
      expect(routeAllowed({ name: 'moderation' }, role)).toBe(false);
      expect(routeAllowed({ name: 'audit' }, role)).toBe(false);
    }
  });

  it('keeps the practice feed from members only', () => {
    const practice: Route = { name: 'feed', space: 'practice' };
    expect(routeAllowed(practice, 'member')).toBe(false);
    for (const role of ['executive', 'coach', 'moderator', 'admin'] as const) {
      expect(routeAllowed(practice, role)).toBe(true);
    }
    expect(routeAllowed({ name: 'compose' }, 'member')).toBe(true);
  });

  it('gates the coaching and admin screens by role', () => {
    for (const role of ['executive', 'member', 'moderator', 'admin'] as const) {
      expect(routeAllowed({ name: 'review-queue' }, role)).toBe(false);
      expect(routeAllowed({ name: 'review', id: 1 }, role)).toBe(false);
      expect(routeAllowed({ name: 'review-reply', id: 1 }, role)).toBe(false);
      expect(routeAllowed({ name: 'cohort' }, role)).toBe(false);
    }
    expect(routeAllowed({ name: 'review', id: 1 }, 'coach')).toBe(true);
    expect(routeAllowed({ name: 'cohort' }, 'coach')).toBe(true);
    expect(routeAllowed({ name: 'goals' }, 'executive')).toBe(true);
    expect(routeAllowed({ name: 'goals' }, 'coach')).toBe(false);
    expect(routeAllowed({ name: 'admin', section: 'policy' }, 'admin')).toBe(true);
    expect(routeAllowed({ name: 'admin', section: 'users' }, 'moderator')).toBe(false);
    for (const role of ['executive', 'coach', 'member', 'moderator', 'admin'] as const) {
      expect(routeAllowed({ name: 'notifications' }, role)).toBe(true);
    }
  });
});

describe('titleFor', () => {
  it('names each screen', () => {
    expect(titleFor({ name: 'feed', space: 'practice' })).toBe('Practice feed');
    expect(titleFor({ name: 'my-posts' })).toBe('My posts');
    expect(titleFor({ name: 'review', id: 2 })).toBe('Review');
    expect(titleFor({ name: 'review-reply', id: 2 })).toBe('Review a reply');
    expect(titleFor({ name: 'admin', section: 'coaches' })).toBe('Admin · Coach assignments');
  });
});
