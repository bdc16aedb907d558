import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { FeedToken } from '../api/findEndpoints';
import { useApp } from '../context';
import { copyText, feedUrl } from '../lib/feedAddress';
import { Dialog } from './Dialog';

/** Told to every FeedAddress on the page when the token changes, so none shows a dead one. */
const TOKEN_EVENT = 'greenroom:feed-token';

type TokenState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; token: string | null };

export interface FeedAddressProps {
  /**
   * The feed below the token, as the server names it: `company.atom`,
   * `users/{username}.atom`, `topics/{tag}.atom`, `blogs/{id}.atom` (docs/API.md).
   */
  feed: string;
  /** What the feed holds, for the text: "the company feed", "Dana's posts". */
  what: string;
  /** Folded away under a summary line (on busy screens); open by default otherwise. */
  collapsed?: boolean;
  /** Heading level of the title when not collapsed. */
  headingLevel?: 2 | 3;
}

let serial = 0;

/**
 * A private Atom feed address with a Copy button, for reading Greenroom in a feed reader.
 * The address carries the reader's own token (GET /api/v1/me/feed-token): anyone holding it
 * reads what the reader may see, so "Make a new address" voids it after a confirmation.
 */
export function FeedAddress({ feed, what, collapsed = false, headingLevel = 2 }: FeedAddressProps) {
  const { api, announce } = useApp();
  const [id] = useState(() => `feed-address-${++serial}`);
  const [open, setOpen] = useState(!collapsed);
  const [state, setState] = useState<TokenState>({ status: 'idle' });
  const [copied, setCopied] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copiedTimer = useRef<number | undefined>(undefined);

  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  // The token is asked for once, when the address is first shown (a folded one: when opened).
  useEffect(() => {
    if (!open || state.status !== 'idle') return;
    setState({ status: 'loading' });
    api
      .feedToken()
      .then((t) => alive.current && setState({ status: 'ready', token: t.token }))
      .catch((e) => {
        if (!alive.current || (e instanceof ApiError && e.status === 401)) return;
        setState({ status: 'error', message: messageOf(e) });
      });
  }, [open, state.status]);

  useEffect(() => {
    const onToken = (e: Event) => {
      const token = (e as CustomEvent<string>).detail;
      setState((s) => (s.status === 'idle' ? s : { status: 'ready', token }));
      setCopied('');
    };
    window.addEventListener(TOKEN_EVENT, onToken);
    return () => {
      window.removeEventListener(TOKEN_EVENT, onToken);
      window.clearTimeout(copiedTimer.current);
    };
  }, []);

  const makeToken = async (replacing: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      const t: FeedToken = await api.newFeedToken();
      setConfirming(false);
      setState({ status: 'ready', token: t.token });
      window.dispatchEvent(new CustomEvent(TOKEN_EVENT, { detail: t.token }));
      announce(replacing ? 'New feed address made. The old one no longer works.' : 'Feed address made.', 'success');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const url = state.status === 'ready' && state.token ? feedUrl(window.location.origin, state.token, feed) : null;

  const copy = async () => {
    if (!url) return;
    const how = await copyText(url, input.current);
    window.clearTimeout(copiedTimer.current);
    setCopied(how === 'failed' ? 'The address is selected: press Ctrl+C (or ⌘C) to copy it.' : 'Copied');
    copiedTimer.current = window.setTimeout(() => setCopied(''), 5000);
  };

  let body: ComponentChildren;
  if (state.status === 'idle' || state.status === 'loading') {
    body = (
      <p class="loading" role="status">
        <span class="spinner" aria-hidden="true" /> Loading your feed address…
      </p>
    );
  } else if (state.status === 'error') {
    body = (
      <p class="form-error" role="alert">
        {state.message}
      </p>
    );
  } else if (!url) {
    body = (
      <button type="button" class="button secondary" aria-disabled={busy} onClick={() => void makeToken(false)}>
        {busy ? 'Making your address…' : 'Make my feed address'}
      </button>
    );
  } else {
    body = (
      <>
        <label for={`${id}-url`}>Feed address (Atom)</label>
        <div class="feed-address-row">
          <input
            id={`${id}-url`}
            ref={input}
            type="text"
            readOnly
            value={url}
            spellcheck={false}
            aria-describedby={`${id}-help`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" class="button primary" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p class="feed-address-copied" role="status" aria-live="polite" data-testid="feed-address-copied">
          {copied}
        </p>
        <button type="button" class="button ghost feed-address-renew" onClick={() => setConfirming(true)}>
          Make a new address
        </button>
      </>
    );
  }

  const help = (
    <p id={`${id}-help`} class="muted small">
      Add this address to your feed reader to follow {what} there. It is private to you: anyone who has it can read what
      you can see, so do not share it. You can make a new one at any time.
    </p>
  );
  const dialog = confirming && (
    <Dialog title="Make a new feed address?" titleId={`${id}-confirm`} onCancel={() => setConfirming(false)}>
      <p>Every feed address you have now stops working, in every feed reader that uses one. You will need to add the new address again.</p>
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
          Keep the current address
        </button>
        <button type="button" class="button primary feed-address-danger" aria-disabled={busy} onClick={() => void makeToken(true)}>
          {busy ? 'Making a new address…' : 'Make a new address'}
        </button>
      </div>
    </Dialog>
  );

  if (collapsed) {
    return (
      <details class="feed-address panel" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Read {what} in your feed reader</summary>
        <div class="feed-address-body">
          {help}
          {body}
        </div>
        {dialog}
      </details>
    );
  }
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="feed-address panel" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} class="section-title">
        Your feed address
      </Heading>
      {help}
      {body}
      {dialog}
    </section>
  );
}
