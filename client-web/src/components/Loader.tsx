import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; notFound: boolean }
  | { status: 'ready'; data: T };

/** Loads something once per key; `reload()` asks again, `set()` replaces what is shown. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [serial, setSerial] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    load(controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError && e.status === 401) return;
        setState({ status: 'error', message: messageOf(e), notFound: e instanceof ApiError && (e.status === 404 || e.status === 403) });
      });
    return () => controller.abort();
  }, [key, serial]);
  const reload = useCallback(() => setSerial((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, set };
}

export function LoadingLine({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="form-error" role="alert">
      <p>{message}</p>
      <button type="button" class="button secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
