import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../api/types';
import { roleLabel } from '../lib/permissions';
import type { Route } from '../lib/router';
import { Link } from '../navigation';
import { Avatar } from './Avatar';
import { BellIcon, MenuIcon, PenIcon } from './Icons';

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
  if (user.role === 'executive' || user.role === 'coach' || user.role === 'admin')
    items.push({ href: '/insights', label: 'Insights', active: route.name === 'insights' });
  items.push({ href: '/mentoring', label: 'Mentoring', active: route.name === 'mentoring' || route.name === 'mentor-post' });
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
  /** The live channel; a quiet note says when it is lost (the app keeps working). */
  liveState?: 'connecting' | 'open' | 'offline';
}

/**
 * The site header. On a phone it is one row (brand, bell, new post, "Menu"); the menu button
 * opens the section links and the account below it. On wider screens everything is in the row
 * and the menu button is not shown (CSS decides, so nothing jumps while the page loads).
 */
export function Header({ user, route, unread, onSignOut, signingOut, liveState }: HeaderProps) {
  const items = navItemsFor(user, route);
  const [menuOpen, setMenuOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const path = `${route.name}:${JSON.stringify(route)}`;
  useEffect(() => setMenuOpen(false), [path]); // a new page closes the menu
  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <header class={`site-header${menuOpen ? ' menu-open' : ''}`}>
      <p class="live-status" role="status" data-testid="live-status">
        {liveState === 'offline' ? 'Live updates paused — reconnecting…' : ''}
      </p>
      <div class="header-inner">
        <Link href="/" class="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Greenroom</span>
        </Link>
        <nav class="main-nav" aria-label="Main" id="site-nav">
          <ul>
            {items.map((item) => (
              <li key={item.href} class="nav-section">
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
                <span class="nav-compose-label">New post</span>
              </Link>
            </li>
          </ul>
        </nav>
        <button
          type="button"
          class="menu-toggle"
          ref={toggle}
          aria-expanded={menuOpen}
          aria-controls="site-nav site-account"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <MenuIcon open={menuOpen} />
          <span>Menu</span>
        </button>
        <div class="account" aria-label="Your account" role="group" id="site-account">
          <Avatar author={user} size="sm" />
          <span class="account-text">
            <span class="account-name" data-testid="account-name">
              {user.display_name}
            </span>
            <span class="account-role" data-testid="account-role">
              {roleLabel(user)}
            </span>
          </span>
          <Link href="/reading" class="account-link" aria-current={route.name === 'reading' ? 'page' : undefined}>
            Reading
          </Link>
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
