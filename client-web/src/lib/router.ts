/**
 * Routes of the single-page client (History API paths; the server answers
 * every non-API GET that accepts text/html with index.html).
 *
 * A screen is added here (a variant of Route, a pattern in ROUTES, a role
 * rule in routeAllowed(), a title) and in app.tsx.
 */
import type { Role, Space } from '../api/types';

export type AdminSection = 'users' | 'coaches' | 'policy' | 'feeds';

export type Route =
  | { name: 'feed'; space: Space }
  | { name: 'post'; id: number }
  | { name: 'compose' }
  | { name: 'my-posts' }
  | { name: 'review-queue' }
  | { name: 'review'; id: number }
  | { name: 'review-reply'; id: number }
  | { name: 'cohort' }
  | { name: 'goals' }
  | { name: 'notifications' }
  | { name: 'security' }
  | { name: 'rules' }
  | { name: 'admin'; section: AdminSection }
  | { name: 'mentoring' }
  | { name: 'mentor-post'; id: number }
  | { name: 'moderation' }
  | { name: 'audit' }
  | { name: 'insights' }
  | { name: 'blogs' }
  | { name: 'blog'; id: number }
  | { name: 'reading' }
  | { name: 'search' }
  | { name: 'question'; id: number }
  | { name: 'following' }
  | { name: 'person'; username: string }
  | { name: 'topic'; tag: string }
  | { name: 'not-found'; path: string };

interface Pattern {
  re: RegExp;
  build: (m: RegExpMatchArray) => Route | null;
}

function idFrom(value: string): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const ROUTES: Pattern[] = [
  { re: /^\/$/, build: () => ({ name: 'feed', space: 'company' }) },
  { re: /^\/company$/, build: () => ({ name: 'feed', space: 'company' }) },
  { re: /^\/practice$/, build: () => ({ name: 'feed', space: 'practice' }) },
  {
    re: /^\/posts\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'post', id } : null;
    },
  },
  { re: /^\/compose$/, build: () => ({ name: 'compose' }) },
  { re: /^\/me\/posts$/, build: () => ({ name: 'my-posts' }) },
  { re: /^\/review$/, build: () => ({ name: 'review-queue' }) },
  {
    re: /^\/review\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'review', id } : null;
    },
  },
  {
    re: /^\/review\/replies\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'review-reply', id } : null;
    },
  },
  { re: /^\/cohort$/, build: () => ({ name: 'cohort' }) },
  { re: /^\/goals$/, build: () => ({ name: 'goals' }) },
  { re: /^\/notifications$/, build: () => ({ name: 'notifications' }) },
  { re: /^\/mentoring$/, build: () => ({ name: 'mentoring' }) },
  {
    re: /^\/mentor\/posts\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'mentor-post', id } : null;
    },
  },
  { re: /^\/security$/, build: () => ({ name: 'security' }) },
  { re: /^\/moderation$/, build: () => ({ name: 'moderation' }) },
  { re: /^\/audit$/, build: () => ({ name: 'audit' }) },
  { re: /^\/insights$/, build: () => ({ name: 'insights' }) },
  { re: /^\/rules$/, build: () => ({ name: 'rules' }) },
  { re: /^\/blogs$/, build: () => ({ name: 'blogs' }) },
  {
    re: /^\/blogs\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'blog', id } : null;
    },
  },
  { re: /^\/search$/, build: () => ({ name: 'search' }) },
  {
    re: /^\/questions\/(\d{1,15})$/,
    build: (m) => {
      const id = idFrom(m[1]);
      return id ? { name: 'question', id } : null;
    },
  },
  { re: /^\/following$/, build: () => ({ name: 'following' }) },
  { re: /^\/people\/([A-Za-z0-9._-]{1,64})$/, build: (m) => ({ name: 'person', username: m[1] }) },
  { re: /^\/topics\/([A-Za-z][A-Za-z0-9_-]{0,49})$/, build: (m) => ({ name: 'topic', tag: m[1].toLowerCase() }) },
  { re: /^\/admin$/, build: () => ({ name: 'admin', section: 'users' }) },
  { re: /^\/reading$/, build: () => ({ name: 'reading' }) },
  { re: /^\/admin\/(users|coaches|policy|feeds)$/, build: (m) => ({ name: 'admin', section: m[1] as AdminSection }) },
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
    case 'review-queue':
      return '/review';
    case 'review':
      return `/review/${route.id}`;
    case 'review-reply':
      return `/review/replies/${route.id}`;
    case 'cohort':
      return '/cohort';
    case 'goals':
      return '/goals';
    case 'notifications':
      return '/notifications';
    case 'security':
      return '/security';
    case 'rules':
      return '/rules';
    case 'admin':
      return `/admin/${route.section}`;
    case 'mentoring':
      return '/mentoring';
    case 'mentor-post':
      return `/mentor/posts/${route.id}`;
    case 'moderation':
      return '/moderation';
    case 'audit':
      return '/audit';
    case 'insights':
      return '/insights';
    case 'blogs':
      return '/blogs';
    case 'blog':
      return `/blogs/${route.id}`;
    case 'reading':
      return '/reading';
    case 'search':
      return '/search';
    case 'question':
      return `/questions/${route.id}`;
    case 'following':
      return '/following';
    case 'person':
      return `/people/${route.username}`;
    case 'topic':
      return `/topics/${route.tag}`;
    case 'not-found':
      return route.path;
  }
}

/** Whether a role may open a route at all (the server still decides per object). */
export function routeAllowed(route: Route, role: Role): boolean {
  switch (route.name) {
    case 'feed':
      return route.space === 'company' || role === 'executive' || role === 'coach' || role === 'moderator' || role === 'admin';
    case 'review-queue':
    case 'review':
    case 'review-reply':
    case 'cohort':
      return role === 'coach';
    case 'goals':
      return role === 'executive';
    case 'admin':
      return role === 'admin';
    case 'moderation':
    case 'audit':
      return role === 'moderator' || role === 'admin';
    case 'insights':
      return role === 'executive' || role === 'coach' || role === 'admin';
    default:
      return true;
  }
}

const ADMIN_TITLES: Record<AdminSection, string> = {
  users: 'Users',
  coaches: 'Coach assignments',
  policy: 'Policy rules',
  feeds: 'Feed hosts',
};

export function adminTitle(section: AdminSection): string {
  return ADMIN_TITLES[section];
}

/** The document title for a route. */
export function titleFor(route: Route): string {
  switch (route.name) {
    case 'feed':
      return route.space === 'company' ? 'Company feed' : 'Practice feed';
    case 'security':
      return 'Security';
    case 'post':
      return 'Post';
    case 'compose':
      return 'New post';
    case 'my-posts':
      return 'My posts';
    case 'review-queue':
      return 'Review queue';
    case 'review':
      return 'Review';
    case 'review-reply':
      return 'Review a reply';
    case 'cohort':
      return 'Cohort';
    case 'goals':
      return 'Goals';
    case 'notifications':
      return 'Notifications';
    case 'rules':
      return 'Golden rules';
    case 'admin':
      return `Admin · ${adminTitle(route.section)}`;
    case 'mentoring':
      return 'Reverse mentoring';
    case 'mentor-post':
      return 'Mentor notes';
    case 'moderation':
      return 'Moderation queue';
    case 'audit':
      return 'Audit trail';
    case 'insights':
      return 'Insights';
    case 'blogs':
      return 'Blogs';
    case 'blog':
      return 'Blog';
    case 'reading':
      return 'Reading list';
    case 'search':
      return 'Search';
    case 'question':
      return 'Question';
    case 'following':
      return 'Following';
    case 'person':
      return `@${route.username}`;
    case 'topic':
      return `#${route.tag}`;
    case 'not-found':
      return 'Page not found';
  }
}
