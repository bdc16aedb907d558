/**
 * The golden rules in plain words, generated from the policy document itself (GET /policy):
 * one sentence per rule, an example of what it catches and why it matters. The examples are
 * linted by the server on the rules page, so what it shows is what the policy really does.
 */

export type Severity = 'error' | 'warning' | 'info';

/** The policy document as the server returns it (docs/API.md, config/policy.json). */
export interface PolicyRules {
  version?: number;
  length?: { enabled: boolean; severity: Severity; max_characters: number; recommended_max_characters: number; recommended_severity: Severity };
  banned_terms?: { enabled: boolean; severity: Severity; terms: string[] };
  confidential_terms?: { enabled: boolean; severity: Severity; terms: string[] };
  personal_data?: { enabled: boolean; severity: Severity; emails: boolean; phone_numbers: boolean };
  shouting?: { enabled: boolean; severity: Severity; caps_run_words: number; caps_ratio_percent: number; caps_ratio_min_letters: number; max_exclamation_marks: number };
  insecure_links?: { enabled: boolean; severity: Severity };
  hashtags?: { enabled: boolean; severity: Severity; max_hashtags: number };
  mentions?: { enabled: boolean; severity: Severity; max_mentions: number };
}

export type RuleKey = Exclude<keyof PolicyRules, 'version'>;

export const RULE_ORDER: RuleKey[] = ['confidential_terms', 'personal_data', 'banned_terms', 'length', 'shouting', 'insecure_links', 'hashtags', 'mentions'];

export const RULE_TITLES: Record<RuleKey, string> = {
  confidential_terms: 'Keep confidential matters confidential',
  personal_data: 'No personal data',
  banned_terms: 'No swearing or insults',
  length: 'Keep it short',
  shouting: 'Don’t shout',
  insecure_links: 'Share secure links',
  hashtags: 'A few hashtags at most',
  mentions: 'Mention only who needs it',
};

export interface RuleSummary {
  key: RuleKey;
  title: string;
  enabled: boolean;
  severity: Severity;
  /** The rule in one sentence. */
  sentence: string;
  /** A text the rule catches (linted on the page). */
  example: string;
  why: string;
}

const SEVERITY_EFFECT: Record<Severity, string> = {
  error: 'Blocks publishing',
  warning: 'Warning',
  info: 'Tip',
};

export function severityEffect(severity: Severity): string {
  return SEVERITY_EFFECT[severity] ?? severity;
}

/** "c**p": enough to recognise a term without printing it in full. */
export function maskTerm(term: string): string {
  const word = term.replace(/\*$/, '');
  if (word.length <= 2) return word;
  return word[0] + '*'.repeat(word.length - 2) + word[word.length - 1];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A few terms of a list for a sentence: “a”, “b” and 12 more. */
function someTerms(terms: string[], mask: boolean, shown = 3): string {
  const pick = terms.slice(0, shown).map((t) => `“${mask ? maskTerm(t) : t.replace(/\*$/, '…')}”`);
  const rest = terms.length - pick.length;
  return rest > 0 ? `${pick.join(', ')} and ${rest} more` : pick.join(', ');
}

/** The rules of `policy` in reading order, each in a sentence with an example. */
export function describePolicy(policy: PolicyRules): RuleSummary[] {
  const out: RuleSummary[] = [];
  for (const key of RULE_ORDER) {
    const rule = policy[key];
    if (!rule) continue;
    const base = { key, title: RULE_TITLES[key], enabled: rule.enabled, severity: rule.severity };
    switch (key) {
      case 'length': {
        const r = policy.length!;
        out.push({
          ...base,
          sentence: `A post has at most ${r.max_characters} characters; past ${r.recommended_max_characters} you get a ${severityEffect(r.recommended_severity).toLowerCase()}, because short posts get read.`,
          example: 'Our quarter in review. '.repeat(Math.ceil((r.recommended_max_characters + 1) / 23)).trim(),
          why: 'Leaders are read on phones between meetings; the point has to land in a few lines.',
        });
        break;
      }
      case 'banned_terms': {
        const r = policy.banned_terms!;
        const term = (r.terms.find((t) => !t.includes(' ')) ?? r.terms[0] ?? 'crap').replace(/\*$/, '');
        out.push({
          ...base,
          sentence: `Swearing and insults are not used: ${plural(r.terms.length, 'term')} such as ${someTerms(r.terms, true)}.`,
          example: `What a ${term} week for the launch.`,
          why: 'A leader’s words are repeated; one insult undoes a year of trust.',
        });
        break;
      }
      case 'confidential_terms': {
        const r = policy.confidential_terms!;
        const term = (r.terms[0] ?? 'project falcon').replace(/\*$/, '');
        out.push({
          ...base,
          sentence: `Confidential matters are never named in a post: ${plural(r.terms.length, 'term')} such as ${someTerms(r.terms, false)}.`,
          example: `Quick update on ${term}: more next week.`,
          why: 'Posts reach the whole company; confidential or price-sensitive news must not leave the room it belongs to.',
        });
        break;
      }
      case 'personal_data': {
        const r = policy.personal_data!;
        const what = [r.emails ? 'email addresses' : null, r.phone_numbers ? 'phone numbers' : null].filter(Boolean).join(' or ') || 'personal data';
        out.push({
          ...base,
          sentence: `Posts do not share ${what}.`,
          example: r.emails ? 'Questions? Write to jane.doe@example.com any time.' : 'Call Jane on +44 20 7946 0958.',
          why: 'Colleagues’ contact details are theirs to share, not ours.',
        });
        break;
      }
      case 'shouting': {
        const r = policy.shouting!;
        out.push({
          ...base,
          sentence: `No shouting: no ${r.caps_run_words} or more words in a row in capitals, at most ${r.caps_ratio_percent}% capital letters (in texts of ${r.caps_ratio_min_letters} letters or more), and at most ${plural(r.max_exclamation_marks, 'exclamation mark')} in a row.`,
          example: 'OUR RESULTS ARE AMAZING!!',
          why: 'Capitals and exclamation marks read as anger or hype, not confidence.',
        });
        break;
      }
      case 'insecure_links':
        out.push({
          ...base,
          sentence: 'Links start with https://, never http://.',
          example: 'The report is at http://intranet.example.com/q3.',
          why: 'An http:// link can be read or changed on the way.',
        });
        break;
      case 'hashtags': {
        const r = policy.hashtags!;
        out.push({
          ...base,
          sentence: `At most ${plural(r.max_hashtags, 'hashtag')} in a post.`,
          example: Array.from({ length: r.max_hashtags + 1 }, (_, i) => `#topic${i + 1}`).join(' ') + ' What a week.',
          why: 'A wall of hashtags buries the message.',
        });
        break;
      }
      case 'mentions': {
        const r = policy.mentions!;
        out.push({
          ...base,
          sentence: `At most ${plural(r.max_mentions, 'mention')} in a post.`,
          example: 'Thanks ' + Array.from({ length: r.max_mentions + 1 }, (_, i) => `@person${i + 1}`).join(' ') + '!',
          why: 'Mention the people who need to act; everyone else reads the feed.',
        });
        break;
      }
    }
  }
  return out;
}
