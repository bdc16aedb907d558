import { describe, expect, it } from 'vitest';
import { groupSecret, qrShape, QUIET_ZONE } from './qr';

describe('qrShape', () => {
  it('draws an otpauth URI as a square of modules with a quiet zone', () => {
    const uri = 'otpauth://totp/Greenroom:ada?secret=JBSWY3DPEHPK3PXP&issuer=Greenroom&algorithm=SHA1&digits=6&period=30';
    const shape = qrShape(uri);
    // Versions grow by 4 modules from 21; this URI needs a few versions.
    expect((shape.size - 2 * QUIET_ZONE - 21) % 4).toBe(0);
    expect(shape.size).toBeGreaterThan(21 + 2 * QUIET_ZONE);
    // The top-left finder pattern starts at the quiet zone corner.
    expect(shape.path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1z`)).toBe(true);
    // Same input, same drawing; other input, other drawing.
    expect(qrShape(uri).path).toBe(shape.path);
    expect(qrShape(uri.replace('ada', 'mo')).path).not.toBe(shape.path);
  });
});

describe('groupSecret', () => {
  it('groups the secret in fours for reading aloud or typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
    expect(groupSecret('')).toBe('');
  });
});
