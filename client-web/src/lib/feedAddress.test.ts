import { describe, expect, it } from 'vitest';
import { copyText, FEEDS, feedUrl } from './feedAddress';

describe('feed addresses', () => {
  it('puts the token and the feed below /feeds', () => {
    expect(feedUrl('https://gr.example:8443', 'abc_-1', FEEDS.company)).toBe('https://gr.example:8443/feeds/abc_-1/company.atom');
    expect(feedUrl('https://gr.example/', 'T', '/users/dana.atom')).toBe('https://gr.example/feeds/T/users/dana.atom');
    expect(FEEDS.user('ana.lee')).toBe('users/ana.lee.atom');
    expect(FEEDS.topic('#OKRs')).toBe('topics/okrs.atom');
    expect(FEEDS.blog(3)).toBe('blogs/3.atom');
  });
});

describe('copying', () => {
  const field = () => {
    const calls: string[] = [];
    return {
      calls,
      el: { focus: () => calls.push('focus'), select: () => calls.push('select'), setSelectionRange: () => calls.push('range') } as unknown as HTMLInputElement,
    };
  };

  it('uses the clipboard when it may', async () => {
    let written = '';
    const f = field();
    expect(await copyText('x', f.el, { writeText: async (t) => void (written = t) }, () => false)).toBe('clipboard');
    expect(written).toBe('x');
    expect(f.calls).toEqual([]);
  });

  it('falls back to copying the selection', async () => {
    const f = field();
    const refused = { writeText: async () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText('x', f.el, refused, () => true)).toBe('selection');
    expect(f.calls).toEqual(['focus', 'select', 'range']);
    expect(await copyText('x', f.el, undefined, () => true)).toBe('selection');
  });

  it('leaves the text selected when nothing works', async () => {
    const f = field();
    expect(await copyText('x', f.el, undefined, () => false)).toBe('failed');
    expect(
      await copyText('x', f.el, undefined, () => {
        throw new Error('old browser');
      }),
    ).toBe('failed');
    expect(f.calls).toContain('select');
    expect(await copyText('x', null, undefined, () => true)).toBe('failed');
  });
});
