import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../api/types';
import { roleLabel } from '../lib/permissions';
import type { Route } from '../lib/router';
import { Link } from '../navigation';
import { Avatar } from './Avatar';
import { ChevronIcon, HeaderSearch, HeaderSearchLink } from './HeaderSearch';
import { BellIcon, MenuIcon, PenIcon } from './Icons';

export interface NavItem {
  href: string;
  label: string;
  active: boolean;
  /** `more`: listed under the header's "More" menu (the row stays one line at 1280 px). */
  group: 'main' | 'more';
}

/**
 * Main navigation for a role: only what the role can use. The everyday destinations stay in
 * the row (the feed, the role's own work, My posts, Blogs, Goals); the rest go under "More",
 * unless there is only one of them.
 */
export function navItemsFor(user: User, route: Route): NavItem[] {
  const main: Omit<NavItem, 'group'>[] = [{ href: '/', label: 'Feed', active: route.name === 'feed' || route.name === 'post' }];
  const more: Omit<NavItem, 'group'>[] = [{ href: '/reading', label: 'Reading', active: route.name === 'reading' }];
  if (user.role === 'coach') {
    main.push({ href: '/review', label: 'Review queue', active: route.name === 'review-queue' || route.name === 'review' || route.name === 'review-reply' });
    more.push({ href: '/cohort', label: 'Cohort', active: route.name === 'cohort' });
  }
  if (user.role === 'moderator' || user.role === 'admin')
    main.push({ href: '/moderation', label: 'Moderation', active: route.name === 'moderation' });
  main.push({ href: '/me/posts', label: 'My posts', active: route.name === 'my-posts' });
  main.push({ href: '/blogs', label: 'Blogs', active: route.name === 'blogs' || route.name === 'blog' || route.name === 'question' });
  if (user.role === 'executive') main.push({ href: '/goals', label: 'Goals', active: route.name === 'goals' });
  if (user.role === 'executive' || user.role === 'coach' || user.role === 'admin')
    more.push({ href: '/insights', label: 'Insights', active: route.name === 'insights' });
  more.push({ href: '/mentoring', label: 'Mentoring', active: route.name === 'mentoring' || route.name === 'mentor-post' });
  if (user.role === 'moderator' || user.role === 'admin') more.push({ href: '/audit', label: 'Audit', active: route.name === 'audit' });
  if (user.role === 'admin') more.push({ href: '/admin/users', label: 'Admin', active: route.name === 'admin' });
  const moreGroup: NavItem['group'] = more.length > 1 ? 'more' : 'main';
  return [...main.map((i) => ({ ...i, group: 'main' as const })), ...more.map((i) => ({ ...i, group: moreGroup }))];
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
 * "More": a disclosure button in the main navigation with the less used destinations below
 * it. Escape, a click elsewhere, focus leaving it or a new page closes it. Inside the phone
 * menu the list is shown as it is and the button is not (CSS).
 */
function NavMore({ items, path }: { items: NavItem[]; path: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const current = items.some((i) => i.active);
  return (
    <li
      class={`nav-more${open ? ' open' : ''}`}
      ref={root}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (next && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        class={`nav-more-toggle${current ? ' has-current' : ''}`}
        ref={button}
        aria-expanded={open}
        aria-controls="nav-more-list"
        onClick={() => setOpen((o) => !o)}
      >
        More
        <ChevronIcon open={open} />
      </button>
      <ul id="nav-more-list" class="nav-more-list" aria-label="More">
        {items.map((item) => (
          <li key={item.href} class="nav-section">
            <Link href={item.href} aria-current={item.active ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The site header, one row at every width. On a phone: brand, search, bell, new post, "Menu";
 * the menu button opens the search box, the section links and the account below it. On wider
 * screens the search box, the everyday sections (the rest under "More") and the account are in
 * the row and the menu button is not shown (CSS decides, so nothing jumps while the page loads).
 */
export function Header({ user, route, unread, onSignOut, signingOut, liveState }: HeaderProps) {
  const all = navItemsFor(user, route);
  const items = all.filter((i) => i.group === 'main');
  const more = all.filter((i) => i.group === 'more');
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
        <HeaderSearch onSearched={() => setMenuOpen(false)} />
        <nav class="main-nav" aria-label="Main" id="site-nav">
          <ul>
            {items.map((item) => (
              <li key={item.href} class="nav-section">
                <Link href={item.href} aria-current={item.active ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
            {more.length > 0 && <NavMore items={more} path={path} />}
            <li class="nav-search-item">
              <HeaderSearchLink active={route.name === 'search'} />
            </li>
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
          aria-controls="site-search site-nav site-account"
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
