import type { TextReference } from '../api/types';

export interface TextPiece {
  text: string;
  ref?: TextReference;
}

/**
 * Splits `text` into plain pieces and the references the server found in it (offsets in
 * code points, as the server counts them). References that do not fit the text are ignored.
 */
export function splitReferences(text: string, refs: readonly TextReference[] | undefined): TextPiece[] {
  if (!refs || refs.length === 0) return [{ text }];
  const points = Array.from(text);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    if (ref.start < at || ref.end > points.length || ref.end <= ref.start) continue;
    if (ref.start > at) pieces.push({ text: points.slice(at, ref.start).join('') });
    pieces.push({ text: points.slice(ref.start, ref.end).join(''), ref });
    at = ref.end;
  }
  if (at < points.length) pieces.push({ text: points.slice(at).join('') });
  return pieces;
}
