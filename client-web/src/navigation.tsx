/**
 * History API navigation: a `Link` that changes the URL without a reload, a
 * `navigate()` for code, and `useLocation()` for the app shell.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const EVENT = 'greenroom:navigate';

export function currentPath(): string {
  return window.location.pathname;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath() && !options.replace) {
    window.dispatchEvent(new Event(EVENT));
    return;
  }
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(EVENT));
}

/** The current pathname, updated on Link clicks, navigate() and back/forward. */
export function useLocation(): { path: string; serial: number } {
  const [state, setState] = useState(() => ({ path: currentPath(), serial: 0 }));
  useEffect(() => {
    const update = () => setState((s) => ({ path: currentPath(), serial: s.serial + 1 }));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return state;
}

export interface LinkProps {
  href: string;
  children?: ComponentChildren;
  class?: string;
  id?: string;
  'aria-current'?: 'page' | undefined;
  'aria-label'?: string;
}

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
