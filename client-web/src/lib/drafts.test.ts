import { describe, expect, it } from 'vitest';
import { DraftStore, draftKey, type StorageLike } from './drafts';

class MemoryStorage implements StorageLike {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('DraftStore', () => {
  it('saves and restores the text and space', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'evan', 'composer', () => 1234);
    expect(store.load()).toBeNull();
    expect(store.save('Hello 😀', 'company')).toBe(true);
    expect(new DraftStore(storage, 'evan').load()).toEqual({ body: 'Hello 😀', space: 'company', savedAt: 1234 });
  });

  it('keeps drafts apart per user', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'evan').save('Evan writes', 'practice');
    expect(new DraftStore(storage, 'mia').load()).toBeNull();
  });

  it('keeps slots apart for the same user', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'mia', 'reply.12').save('A reply', null);
    expect(new DraftStore(storage, 'mia').load()).toBeNull();
    expect(new DraftStore(storage, 'mia', 'reply.13').load()).toBeNull();
    expect(new DraftStore(storage, 'mia', 'reply.12').load()?.body).toBe('A reply');
    expect(draftKey('mia', 'reply.12')).toBe('greenroom.draft.v1.mia.reply.12');
    expect(draftKey('mia')).toBe('greenroom.draft.v1.mia.composer');
  });

  it('forgets the draft when the text is emptied or cleared', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'mia');
    store.save('x', null);
    store.save('', null);
    expect(storage.data.size).toBe(0);
    store.save('y', null);
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('ignores corrupt or foreign values', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage, 'mia');
    storage.setItem(draftKey('mia'), '{not json');
    expect(store.load()).toBeNull();
    storage.setItem(draftKey('mia'), JSON.stringify({ body: 42 }));
    expect(store.load()).toBeNull();
    storage.setItem(draftKey('mia'), JSON.stringify({ body: 'ok', space: 'mars' }));
    expect(store.load()).toEqual({ body: 'ok', space: null, savedAt: 0 });
  });

  it('survives storage that throws or is missing', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = new DraftStore(throwing, 'mia');
    expect(store.save('x', null)).toBe(false);
    expect(store.load()).toBeNull();
    expect(() => store.clear()).not.toThrow();
    const none = new DraftStore(null, 'mia');
    expect(none.save('x', null)).toBe(false);
    expect(none.load()).toBeNull();
  });
});
