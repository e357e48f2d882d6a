import type { RgbaImage } from './png-encoder.ts';

/** KL-ish blue behind the colour icon (also the manifest's accentColor). */
export const ACCENT_COLOR = '#1F5FA8';

/** Coverage (0..1) of a speech bubble with three dots, in a unit square: the app's symbol. */
function bubbleCoverage(x: number, y: number): number {
  const inRoundRect = (px: number, py: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
    const cx = Math.min(Math.max(px, x0 + r), x1 - r);
    const cy = Math.min(Math.max(py, y0 + r), y1 - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r && px >= x0 && px <= x1 && py >= y0 && py <= y1;
  };
  const body = inRoundRect(x, y, 0.14, 0.2, 0.86, 0.7, 0.12);
  // The tail: a triangle under the bubble's lower left.
  const tail = y >= 0.68 && y <= 0.86 && x >= 0.28 && x <= 0.28 + (0.86 - y) * 1.1 && x >= 0.28;
  const dot = [0.33, 0.5, 0.67].some((dx) => (x - dx) ** 2 + (y - 0.45) ** 2 <= 0.06 ** 2);
  return (body || tail) && !dot ? 1 : 0;
}

function draw(size: number, paint: (coverage: number) => [number, number, number, number]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) covered += bubbleCoverage((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
      }
      pixels.set(paint(covered / (samples * samples)), (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** The 192×192 colour icon: a white speech bubble on the accent colour. */
export function drawColorIcon(): RgbaImage {
  const [r, g, b] = [0x1f, 0x5f, 0xa8];
  return draw(192, (c) => [Math.round(r + (255 - r) * c), Math.round(g + (255 - g) * c), Math.round(b + (255 - b) * c), 255]);
}

/** The 32×32 outline icon: the white speech bubble on a transparent background, as Teams requires. */
export function drawOutlineIcon(): RgbaImage {
  return draw(32, (c) => [255, 255, 255, Math.round(255 * c)]);
}
