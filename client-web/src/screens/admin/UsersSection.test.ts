import { describe, expect, it } from 'vitest';
import { fieldOfMessage, needsCoach } from './UsersSection';

describe('admin users', () => {
  it('flags an executive without a coach until one is assigned', () => {
    const exec = { id: 1, username: 'x', display_name: 'X', role: 'executive' as const, training_level: 'crawl' as const };
    expect(needsCoach({ ...exec, coaches: [] })).toBe(true);
    expect(needsCoach(exec)).toBe(true);
    expect(needsCoach({ ...exec, coaches: [4] })).toBe(false);
    expect(needsCoach({ ...exec, coaches: [], disabled: true })).toBe(false);
    expect(needsCoach({ ...exec, role: 'member', training_level: null })).toBe(false);
  });
  it('puts a server validation message under the field it is about', () => {
    expect(fieldOfMessage('The username "ada" is taken.')).toBe('username');
    expect(fieldOfMessage('display_name must not be empty.')).toBe('display_name');
    expect(fieldOfMessage('The password must have at least 12 characters.')).toBe('password');
    expect(fieldOfMessage('Something else went wrong.')).toBeNull();
  });
});
