import type { User } from '../api/types';
import { roleLabel } from '../lib/permissions';
import type { Route } from '../lib/router';
import { Link } from '../navigation';
import { Avatar } from './Avatar';
import { PenIcon } from './Icons';

export interface NavItem {
  href: string;
  label: string;
  active: boolean;
}

/**
 * Main navigation for a role. Upcoming screens add their entry here:
 * a coach's "Review queue", "Notifications" with the unread count in its
 * label, and "Admin" for admins.
 */
export function navItemsFor(_user: User, route: Route): NavItem[] {
  return [
    { href: '/', label: 'Feed', active: route.name === 'feed' || route.name === 'post' },
    { href: '/me/posts', label: 'My posts', active: route.name === 'my-posts' },
  ];
}

export function Header({ user, route, onSignOut, signingOut }: { user: User; route: Route; onSignOut: () => void; signingOut: boolean }) {
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
          <button type="button" class="button ghost sign-out" onClick={onSignOut} aria-disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </header>
  );
}
