/** What every screen needs: the API, the signed-in user, and the status announcer. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api/endpoints';
import type { User } from './api/types';

export type StatusKind = 'info' | 'success' | 'error';

export interface AppContextValue {
  api: Api;
  user: User;
  /** Shows a short message and announces it to screen readers (aria-live). */
  announce: (message: string, kind?: StatusKind) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() outside of a signed-in AppContext');
  return value;
}
