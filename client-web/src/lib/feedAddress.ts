/**
 * Private Atom feed addresses: `{origin}/feeds/{token}/{feed}` (docs/API.md, "Private Atom
 * feeds"), and copying one to the clipboard.
 */

/** The feeds a token opens, as the server names them below `/feeds/{token}/`. */
export const FEEDS = {
  company: 'company.atom',
  user: (username: string) => `users/${encodeURIComponent(username)}.atom`,
  topic: (tag: string) => `topics/${encodeURIComponent(tag.replace(/^#/, '').toLowerCase())}.atom`,
  blog: (id: number) => `blogs/${id}.atom`,
} as const;

/** The full address of a feed; `feed` may start with a slash. */
export function feedUrl(origin: string, token: string, feed: string): string {
  const base = origin.replace(/\/+$/, '');
  return `${base}/feeds/${encodeURIComponent(token)}/${feed.replace(/^\/+/, '')}`;
}

export type CopyOutcome = 'clipboard' | 'selection' | 'failed';

interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/**
 * Copies `text`: with the asynchronous clipboard when the browser offers it, else by selecting
 * it in `field` and asking the browser to copy the selection. 'failed' leaves the text
 * selected, so the person can press Ctrl+C themselves.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | null,
  clipboard: ClipboardLike | undefined = typeof navigator !== 'undefined' ? navigator.clipboard : undefined,
  execCopy: () => boolean = () => typeof document !== 'undefined' && document.execCommand('copy'),
): Promise<CopyOutcome> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // Not allowed (permissions, an insecure page): fall back to the selection.
    }
  }
  if (field) {
    field.focus();
    field.select();
    field.setSelectionRange?.(0, text.length);
    try {
      if (execCopy()) return 'selection';
    } catch {
      // Old browsers throw instead of returning false.
    }
  }
  return 'failed';
}
