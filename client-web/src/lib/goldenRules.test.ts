import { describe, expect, it } from 'vitest';
import { describePolicy, maskTerm, type PolicyRules } from './goldenRules';

const policy: PolicyRules = {
  version: 3,
  length: { enabled: true, severity: 'error', max_characters: 3000, recommended_max_characters: 280, recommended_severity: 'warning' },
  banned_terms: { enabled: true, severity: 'error', terms: ['crap', 'idiot*', 'piss off', 'damn'] },
  confidential_terms: { enabled: true, severity: 'error', terms: ['project falcon'] },
  personal_data: { enabled: true, severity: 'error', emails: true, phone_numbers: false },
  shouting: { enabled: false, severity: 'warning', caps_run_words: 3, caps_ratio_percent: 70, caps_ratio_min_letters: 30, max_exclamation_marks: 1 },
  hashtags: { enabled: true, severity: 'info', max_hashtags: 2 },
};

describe('describePolicy', () => {
  const rules = describePolicy(policy);
  const rule = (key: string) => rules.find((r) => r.key === key)!;

  it('says each rule in a sentence from the policy’s own values, most serious first', () => {
    expect(rules.map((r) => r.key)).toEqual(['confidential_terms', 'personal_data', 'banned_terms', 'length', 'shouting', 'hashtags']);
    expect(rule('length').sentence).toBe('A post has at most 3000 characters; past 280 you get a warning, because short posts get read.');
    expect(rule('confidential_terms').sentence).toBe('Confidential matters are never named in a post: 1 term such as “project falcon”.');
    expect(rule('banned_terms').sentence).toBe('Swearing and insults are not used: 4 terms such as “c**p”, “i***t”, “p******f” and 1 more.');
    expect(rule('personal_data').sentence).toBe('Posts do not share email addresses.');
    expect(rule('hashtags').sentence).toBe('At most 2 hashtags in a post.');
    expect(rule('shouting').enabled).toBe(false);
  });

  it('gives examples that the rule catches', () => {
    expect(rule('length').example.length).toBeGreaterThan(280);
    expect(rule('confidential_terms').example).toContain('project falcon');
    expect(rule('banned_terms').example).toContain('crap');
    expect(rule('personal_data').example).toMatch(/@example\.com/);
    expect(rule('hashtags').example.match(/#/g)).toHaveLength(3);
  });

  it('masks terms', () => {
    expect(maskTerm('crap')).toBe('c**p');
    expect(maskTerm('idiot*')).toBe('i***t');
    expect(maskTerm('ok')).toBe('ok');
  });
});
