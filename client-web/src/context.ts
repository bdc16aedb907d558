/** What every screen needs: the API, the signed-in user, and the status announcer. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/endpoints';
import type { User } from './api/types';
import type { LiveConnection } from './lib/live';

export type StatusKind = 'info' | 'success' | 'error';

export interface AppContextValue {
  api: Api;
  user: User;
  /** Shows a short message and announces it to screen readers (aria-live). */
  announce: (message: string, kind?: StatusKind) => void;
  /** Unread notifications (the bell in the header). */
  unread: number;
  /** Asks the server again for the unread count (after an action). */
  refreshUnread: () => void;
  /** Sets the unread count from an answer that carried it. */
  setUnread: (count: number) => void;
  /** The live channel: subscribe to events the server pushes. */
  live: LiveConnection;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() outside of a signed-in AppContext');
  return value;
}
