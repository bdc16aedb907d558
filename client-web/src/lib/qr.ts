/**
 * A QR code as one SVG path, made locally by the `qrcode` library (nothing is
 * sent anywhere): the authenticator-app secret must never leave the browser.
 * Rendering it as SVG elements (not an image URL or injected markup) keeps
 * the strict Content Security Policy happy.
 */
import { create } from 'qrcode';

export interface QrShape {
  /** Modules per side, including the quiet zone. */
  size: number;
  /** One path of 1x1 squares for the dark modules. */
  path: string;
}

/** Four modules of light border on each side, as the QR standard asks. */
export const QUIET_ZONE = 4;

export function qrShape(text: string): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP", easier to type from the screen. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
