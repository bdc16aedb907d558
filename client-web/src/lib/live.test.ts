import { describe, expect, it } from 'vitest';
import { backoffDelay, liveUrl, parseLiveEvent } from './live';

describe('backoffDelay', () => {
  it('doubles from one second up to thirty, with jitter in the upper half', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(3, () => 0.5)).toBe(6000);
    expect(backoffDelay(20, () => 1)).toBe(30000);
    expect(backoffDelay(20, () => 0)).toBe(15000);
    expect(backoffDelay(-1, () => 1)).toBe(1000);
  });
});

describe('liveUrl', () => {
  it('follows the page scheme and carries the last id', () => {
    expect(liveUrl({ protocol: 'https:', host: 'gr.example:8443' }, null)).toBe('wss://gr.example:8443/api/v1/live');
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:9' }, 42)).toBe('ws://127.0.0.1:9/api/v1/live?last_id=42');
  });
});

describe('parseLiveEvent', () => {
  it('accepts events and refuses anything else', () => {
    expect(parseLiveEvent('{"type":"post.published","id":7,"post_id":3}')).toEqual({ type: 'post.published', id: 7, post_id: 3 });
    expect(parseLiveEvent('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseLiveEvent('{"type":"post.published"}')).toBeNull();
    expect(parseLiveEvent('[1]')).toBeNull();
    expect(parseLiveEvent('nope')).toBeNull();
    expect(parseLiveEvent('null')).toBeNull();
  });
});
