/**
 * Unsent text (the composer's post, a reply being written), kept in
 * localStorage while typing, so that a reload, a crash or an expired session
 * (sign in again) does not lose it. Keyed per user and per slot ("composer",
 * "reply.12"): a different person signing in on the same browser does not
 * see it.
 */
import type { Space } from '../api/types';

export interface ComposerDraft {
  body: string;
  space: Space | null;
  /** epoch milliseconds */
  savedAt: number;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'greenroom.draft.v1.';

export function draftKey(username: string, slot = 'composer'): string {
  return `${PREFIX}${username}.${slot}`;
}

/** localStorage, or null when it is unavailable (some private modes, sandboxed frames). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export class DraftStore {
  constructor(
    private readonly storage: StorageLike | null,
    username: string,
    slot = 'composer',
    private readonly now: () => number = Date.now,
  ) {
    this.key = draftKey(username, slot);
  }

  private readonly key: string;

  load(): ComposerDraft | null {
    if (!this.storage) return null;
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<ComposerDraft>;
      if (typeof value.body !== 'string' || value.body === '') return null;
      const space = value.space === 'practice' || value.space === 'company' ? value.space : null;
      const savedAt = typeof value.savedAt === 'number' ? value.savedAt : 0;
      return { body: value.body, space, savedAt };
    } catch {
      return null;
    }
  }

  /** Saves (or, for empty text, forgets) the draft. Returns false if storage refused. */
  save(body: string, space: Space | null): boolean {
    if (!this.storage) return false;
    try {
      if (body === '') {
        this.storage.removeItem(this.key);
      } else {
        const draft: ComposerDraft = { body, space, savedAt: this.now() };
        this.storage.setItem(this.key, JSON.stringify(draft));
      }
      return true;
    } catch {
      return false; // quota exceeded or storage disabled
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing to do
    }
  }
}
