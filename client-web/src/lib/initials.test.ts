import { describe, expect, it } from 'vitest';
import { initials, paletteIndex } from './initials';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada Admin')).toBe('AA');
    expect(initials('Dana Whitfield (CEO)')).toBe('DW');
    expect(initials('  mia  ')).toBe('M');
    expect(initials('Jean-Luc de la Tour')).toBe('JT');
  });

  it('keeps astral characters whole and skips symbol-only words', () => {
    expect(initials('𝒳avier 𝒴oung')).toBe('𝒳𝒴');
    expect(initials('Rui 🚀')).toBe('R');
    expect(initials('🚀 ✨')).toBe('🚀✨');
  });

  it('has a placeholder for empty names', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
  });
});

describe('paletteIndex', () => {
  it('is stable and in range', () => {
    expect(paletteIndex('ada', 8)).toBe(paletteIndex('ada', 8));
    for (const name of ['ada', 'mo', 'cora', 'evan', 'wren', 'rui', 'mia', '']) {
      const i = paletteIndex(name, 8);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(8);
    }
  });
});
