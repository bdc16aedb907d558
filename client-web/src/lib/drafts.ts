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
/** Storage whose keys can be listed (to find every draft at sign-out). */
export type EnumerableStorage = StorageLike & Pick<Storage, 'key' | 'length'>;

const PREFIX = 'greenroom.draft.v1.';

export function draftKey(username: string, slot = 'composer'): string {
  return `${PREFIX}${username}.${slot}`;
}

/** localStorage, or null when it is unavailable (some private modes, sandboxed frames). */
export function browserStorage(): EnumerableStorage | null {
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

/** A draft found in storage for one user (composer or a reply being written). */
export interface StoredDraft {
  /** "composer" or "reply.<post id>" */
  slot: string;
  body: string;
  space: Space | null;
  savedAt: number;
  /** The post a reply draft answers, else null. */
  replyTo: number | null;
}


const SLOT_RE = /^(composer|reply\.\d{1,15})$/;

function keysOf(storage: EnumerableStorage, username: string): string[] {
  const prefix = `${PREFIX}${username}.`;
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      // The slot check keeps "evan" from matching the keys of a user "evan.x".
      if (key && key.startsWith(prefix) && SLOT_RE.test(key.slice(prefix.length))) keys.push(key);
    }
  } catch {
    // storage unavailable: nothing to list
  }
  return keys;
}

/** Every unsent draft this browser keeps for `username`, oldest first. */
export function listDrafts(storage: EnumerableStorage | null, username: string): StoredDraft[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${username}.`;
  const drafts: StoredDraft[] = [];
  for (const key of keysOf(storage, username)) {
    const slot = key.slice(prefix.length);
    const draft = new DraftStore(storage, username, slot).load();
    if (!draft) continue;
    const m = slot.match(/^reply\.(\d{1,15})$/);
    drafts.push({ slot, ...draft, replyTo: m ? Number(m[1]) : null });
  }
  return drafts.sort((a, b) => a.savedAt - b.savedAt);
}

/**
 * Removes every draft this browser keeps for `username` (at sign-out, so the
 * next person at a shared computer cannot read them). Returns how many keys
 * were removed.
 */
export function clearDrafts(storage: EnumerableStorage | null, username: string): number {
  if (!storage) return 0;
  const keys = keysOf(storage, username);
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      // nothing more to do
    }
  }
  return keys.length;
}

/**
 * The text a draft is saved with on the server (as a post draft): a reply
 * draft says which post it was answering.
 */
export function serverDraftBody(draft: StoredDraft): string {
  return draft.replyTo === null ? draft.body : `(Reply being written to post #${draft.replyTo})\n\n${draft.body}`;
}
