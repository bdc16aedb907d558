import type { User } from '../api/types';
import { roleLabel } from '../lib/permissions';
import type { Route } from '../lib/router';
import { Link } from '../navigation';
import { Avatar } from './Avatar';
import { BellIcon, PenIcon } from './Icons';

export interface NavItem {
  href: string;
  label: string;
  active: boolean;
}

/** Main navigation for a role: only what the role can use. */
export function navItemsFor(user: User, route: Route): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Feed', active: route.name === 'feed' || route.name === 'post' }];
  if (user.role === 'coach') {
    items.push(
      { href: '/review', label: 'Review queue', active: route.name === 'review-queue' || route.name === 'review' || route.name === 'review-reply' },
      { href: '/cohort', label: 'Cohort', active: route.name === 'cohort' },
    );
  }
  items.push({ href: '/me/posts', label: 'My posts', active: route.name === 'my-posts' });
  items.push({ href: '/blogs', label: 'Blogs', active: route.name === 'blogs' || route.name === 'blog' });
  if (user.role === 'executive') items.push({ href: '/goals', label: 'Goals', active: route.name === 'goals' });
  if (user.role === 'moderator' || user.role === 'admin') {
    items.push(
      { href: '/moderation', label: 'Moderation', active: route.name === 'moderation' },
      { href: '/audit', label: 'Audit', active: route.name === 'audit' },
    );
  }
  if (user.role === 'admin') items.push({ href: '/admin/users', label: 'Admin', active: route.name === 'admin' });
  return items;
}

export function bellLabel(unread: number): string {
  return unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
}

export interface HeaderProps {
  user: User;
  route: Route;
  unread: number;
  onSignOut: () => void;
  signingOut: boolean;
}

export function Header({ user, route, unread, onSignOut, signingOut }: HeaderProps) {
  const items = navItemsFor(user, route);
  return (
    <header class="site-header">
      <div class="header-inner">
        <Link href="/" class="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Greenroom</span>
        </Link>
        <nav class="main-nav" aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.active ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link
                href="/notifications"
                class={`bell${unread > 0 ? ' has-unread' : ''}`}
                aria-label={bellLabel(unread)}
                aria-current={route.name === 'notifications' ? 'page' : undefined}
              >
                <BellIcon />
                {unread > 0 && (
                  <span class="bell-count" data-testid="unread-count" aria-hidden="true">
                    {unread > 99 ? '99+' : unread}
                  </span>
                )}
              </Link>
            </li>
            <li>
              <Link href="/compose" class="nav-compose" aria-current={route.name === 'compose' ? 'page' : undefined}>
                <PenIcon />
                <span>New post</span>
              </Link>
            </li>
          </ul>
        </nav>
        <div class="account" aria-label="Your account" role="group">
          <Avatar author={user} size="sm" />
          <span class="account-text">
            <span class="account-name" data-testid="account-name">
              {user.display_name}
            </span>
            <span class="account-role" data-testid="account-role">
              {roleLabel(user)}
            </span>
          </span>
          <Link href="/security" class="account-link" aria-current={route.name === 'security' ? 'page' : undefined}>
            Security
          </Link>
          <button type="button" class="button ghost sign-out" onClick={onSignOut} aria-disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </header>
  );
}
