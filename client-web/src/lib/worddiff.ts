/**
 * A word-level comparison of two versions of a post, computed with jsdiff (`diff`,
 * pinned in package.json): the pieces in reading order, each kept, added or removed.
 */
import { diffWords } from 'diff';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

/** "3 words added, 1 removed" (counting words, not white space), or "No changes". */
export function summariseDiff(parts: DiffPart[]): string {
  const words = (kind: DiffKind) =>
    parts.filter((p) => p.kind === kind).reduce((n, p) => n + p.text.split(/\s+/).filter((w) => w !== '').length, 0);
  const added = words('added');
  const removed = words('removed');
  if (added === 0 && removed === 0) return 'No changes';
  const plural = (n: number) => (n === 1 ? 'word' : 'words');
  return `${added} ${plural(added)} added, ${removed} ${plural(removed)} removed`;
}
