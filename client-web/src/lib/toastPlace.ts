/**
 * Where the status toast goes so it never covers a control: at the bottom of the window
 * unless a control (button, link, field) sits under it there, then just below the header,
 * whichever covers fewer controls (bottom wins a tie).
 */

export interface Band {
  top: number;
  bottom: number;
}

export interface Box {
  top: number;
  bottom: number;
}

export function overlaps(boxes: Box[], band: Band): number {
  return boxes.filter((b) => b.bottom > band.top && b.top < band.bottom).length;
}

export function chooseToastPlace(controls: Box[], viewportHeight: number, headerBottom: number, toastHeight: number, gap = 20): 'bottom' | 'top' {
  const bottom: Band = { top: viewportHeight - gap - toastHeight, bottom: viewportHeight - gap };
  const top: Band = { top: headerBottom + gap / 2, bottom: headerBottom + gap / 2 + toastHeight };
  const below = overlaps(controls, bottom);
  if (below === 0) return 'bottom';
  return overlaps(controls, top) < below ? 'top' : 'bottom';
}
