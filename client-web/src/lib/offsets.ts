/**
 * Conversions between UTF-16 offsets (what the DOM Selection/Range API and
 * JavaScript strings use) and Unicode code point offsets (what the server uses
 * to anchor annotations in a post body).
 *
 * Characters outside the Basic Multilingual Plane (most emoji, 𝒳, ...) take two
 * UTF-16 units (a surrogate pair) but are one code point. A DOM selection can
 * in principle end between the two halves of a pair; such an offset is moved
 * outwards so the selection covers the whole character.
 */

export interface TextRange {
  /** inclusive start offset */
  start: number;
  /** exclusive end offset */
  end: number;
}

export type Bias = 'backward' | 'forward';

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHigh(text.charCodeAt(offset - 1)) &&
    isLow(text.charCodeAt(offset))
  );
}

function checkOffset(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} offset ${offset} is outside 0..${max}`);
  }
}

/**
 * Code point offset for a UTF-16 offset into `text`.
 * An offset inside a surrogate pair moves to the pair's start ('backward',
 * the default) or end ('forward').
 */
export function utf16ToCodePoint(text: string, offset16: number, bias: Bias = 'backward'): number {
  checkOffset(offset16, text.length, 'UTF-16');
  let cp = 0;
  let i = 0;
  while (i < offset16) {
    const pair = isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    if (pair && i + 1 === offset16) {
      // offset16 splits this pair
      return bias === 'forward' ? cp + 1 : cp;
    }
    i += pair ? 2 : 1;
    cp++;
  }
  return cp;
}

/** UTF-16 offset for a code point offset into `text`. */
export function codePointToUtf16(text: string, offsetCp: number): number {
  if (!Number.isInteger(offsetCp) || offsetCp < 0) {
    throw new RangeError(`code point offset ${offsetCp} is negative or not an integer`);
  }
  let i = 0;
  let cp = 0;
  while (cp < offsetCp) {
    if (i >= text.length) {
      throw new RangeError(`code point offset ${offsetCp} is past the end of the text (${cp} code points)`);
    }
    const pair = isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    i += pair ? 2 : 1;
    cp++;
  }
  return i;
}

function ordered(range: TextRange): TextRange {
  return range.start <= range.end ? range : { start: range.end, end: range.start };
}

/**
 * A selection given as UTF-16 offsets into `text` (for example from a DOM
 * Range, possibly backwards) as code point offsets. Half-selected surrogate
 * pairs are included whole.
 */
export function selectionToCodePoints(text: string, range16: TextRange): TextRange {
  const r = ordered(range16);
  return {
    start: utf16ToCodePoint(text, r.start, 'backward'),
    end: utf16ToCodePoint(text, r.end, 'forward'),
  };
}

/** A code point range (for example an annotation anchor) as UTF-16 offsets. */
export function codePointsToSelection(text: string, rangeCp: TextRange): TextRange {
  const r = ordered(rangeCp);
  return { start: codePointToUtf16(text, r.start), end: codePointToUtf16(text, r.end) };
}

/** The substring between two code point offsets. */
export function sliceCodePoints(text: string, rangeCp: TextRange): string {
  const r = codePointsToSelection(text, rangeCp);
  return text.slice(r.start, r.end);
}
