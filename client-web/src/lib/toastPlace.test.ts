import { describe, expect, it } from 'vitest';
import { chooseToastPlace, overlaps } from './toastPlace';

describe('toast placement', () => {
  it('counts the controls a band covers', () => {
    expect(overlaps([{ top: 10, bottom: 20 }, { top: 30, bottom: 40 }], { top: 15, bottom: 32 })).toBe(2);
    expect(overlaps([{ top: 10, bottom: 20 }], { top: 20, bottom: 30 })).toBe(0);
  });
  it('stays at the bottom unless it would cover a control there', () => {
    expect(chooseToastPlace([{ top: 100, bottom: 140 }], 800, 60, 50)).toBe('bottom');
    expect(chooseToastPlace([{ top: 720, bottom: 760 }], 800, 60, 50)).toBe('top');
    // covering controls in both places: the place that covers fewer
    expect(chooseToastPlace([{ top: 720, bottom: 760 }, { top: 75, bottom: 100 }, { top: 100, bottom: 120 }], 800, 60, 50)).toBe('bottom');
  });
});
