import { describe, expect, it } from 'vitest';
import { clearDrafts, DraftStore, listDrafts, serverDraftBody, type EnumerableStorage } from './drafts';

class MemoryStorage implements EnumerableStorage {
  data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('drafts at sign-out', () => {
  it('lists only this user’s drafts, composer and replies, oldest first', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'evan', 'reply.12', () => 20).save('A reply', null);
    new DraftStore(storage, 'evan', 'composer', () => 10).save('A post', 'practice');
    new DraftStore(storage, 'evan.x', 'composer', () => 5).save('Someone else', 'company');
    new DraftStore(storage, 'mia', 'composer', () => 5).save('Mia writes', 'company');
    storage.setItem('greenroom.draft.v1.evan.composer.bak', 'not a draft');
    storage.setItem('unrelated', 'keep me');
    const drafts = listDrafts(storage, 'evan');
    expect(drafts.map((d) => [d.slot, d.body, d.replyTo])).toEqual([
      ['composer', 'A post', null],
      ['reply.12', 'A reply', 12],
    ]);
    expect(listDrafts(null, 'evan')).toEqual([]);
  });

  it('clears them all and leaves other people’s and other keys alone', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'evan', 'reply.12').save('A reply', null);
    new DraftStore(storage, 'evan', 'composer').save('A post', 'practice');
    new DraftStore(storage, 'evan.x', 'composer').save('Someone else', 'company');
    storage.setItem('unrelated', 'keep me');
    expect(clearDrafts(storage, 'evan')).toBe(2);
    expect(listDrafts(storage, 'evan')).toEqual([]);
    expect(listDrafts(storage, 'evan.x')).toHaveLength(1);
    expect(storage.getItem('unrelated')).toBe('keep me');
  });

  it('says which post a reply draft answered when it is saved on the server', () => {
    expect(serverDraftBody({ slot: 'composer', body: 'Post', space: null, savedAt: 0, replyTo: null })).toBe('Post');
    expect(serverDraftBody({ slot: 'reply.7', body: 'Reply', space: null, savedAt: 0, replyTo: 7 })).toBe(
      '(Reply being written to post #7)\n\nReply',
    );
  });
});
