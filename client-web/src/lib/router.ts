/**
 * Routes of the single-page client (History API paths; the server answers
 * every non-API GET that accepts text/html with index.html).
 *
 * Upcoming screens plug in here: add a variant to Route, a pattern to
 * ROUTES, a label/role rule in routeAccess(), and a screen in app.tsx.
 *   /review, /review/:id   coach review workspace (annotations)
 *   /notifications         notifications with unread count
 *   /admin/...             admin screens
 */
import type { Role, Space } from '../api/types';

export type Route =
  | { name: 'feed'; space: Space }
  | { name: 'post'; id: number }
  | { name: 'compose' }
  | { name: 'my-posts' }
  | { name: 'not-found'; path: string };

interface Pattern {
  re: RegExp;
  build: (m: RegExpMatchArray) => Route | null;
}

const ROUTES: Pattern[] = [
  { re: /^\/$/, build: () => ({ name: 'feed', space: 'company' }) },
  { re: /^\/company$/, build: () => ({ name: 'feed', space: 'company' }) },
  { re: /^\/practice$/, build: () => ({ name: 'feed', space: 'practice' }) },
  {
    re: /^\/posts\/(\d{1,15})$/,
    build: (m) => {
      const id = Number(m[1]);
      return Number.isSafeInteger(id) && id > 0 ? { name: 'post', id } : null;
    },
  },
  { re: /^\/compose$/, build: () => ({ name: 'compose' }) },
  { re: /^\/me\/posts$/, build: () => ({ name: 'my-posts' }) },
];

/** The route for a location pathname. A trailing slash is ignored. */
export function parseRoute(pathname: string): Route {
  let path = pathname || '/';
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  for (const pattern of ROUTES) {
    const m = path.match(pattern.re);
    if (m) {
      const route = pattern.build(m);
      if (route) return route;
    }
  }
  return { name: 'not-found', path: pathname };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'feed':
      return route.space === 'company' ? '/' : '/practice';
    case 'post':
      return `/posts/${route.id}`;
    case 'compose':
      return '/compose';
    case 'my-posts':
      return '/me/posts';
    case 'not-found':
      return route.path;
  }
}

/** Whether a role may open a route at all (the server still decides per object). */
export function routeAllowed(route: Route, role: Role): boolean {
  if (route.name === 'feed' && route.space === 'practice') {
    return role === 'executive' || role === 'coach' || role === 'moderator' || role === 'admin';
  }
  return true;
}

/** The document title for a route. */
export function titleFor(route: Route): string {
  switch (route.name) {
    case 'feed':
      return route.space === 'company' ? 'Company feed' : 'Practice feed';
    case 'post':
      return 'Post';
    case 'compose':
      return 'New post';
    case 'my-posts':
      return 'My posts';
    case 'not-found':
      return 'Page not found';
  }
}
