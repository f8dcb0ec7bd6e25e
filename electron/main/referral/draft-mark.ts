import type { Content } from 'pdfmake/interfaces.js';
import { A4, COLORS } from './layout.ts';

/**
 * "DRAFT" across each page of an unsigned letter, drawn as strokes rather than text: pdfmake's
 * watermark is a line of text, whose letters text extraction and screen readers read into the
 * letter's own words (pdftotext put them between the red flags). Strokes are not text.
 * Letters on a 60 × 100 grid, y down, 28 apart; each polyline is one stroke.
 */
const DRAFT_STROKES: readonly (readonly [number, number][])[] = [
  // D
  [[0, 0], [38, 0], [60, 22], [60, 78], [38, 100], [0, 100], [0, 0]],
  // R
  [[0, 100], [0, 0], [42, 0], [60, 15], [60, 37], [42, 52], [0, 52]],
  [[30, 52], [60, 100]],
  // A
  [[0, 100], [30, 0], [60, 100]],
  [[12, 62], [48, 62]],
  // F
  [[60, 0], [0, 0], [0, 100]],
  [[0, 48], [45, 48]],
  // T
  [[0, 0], [60, 0]],
  [[30, 0], [30, 100]],
];
/** Which letter (0 to 4) each stroke belongs to, for its offset along the word. */
const DRAFT_STROKE_LETTER = [0, 1, 1, 2, 2, 3, 3, 4, 4] as const;

export function draftMark(): Content {
  const pitch = 88;
  const wordWidth = 4 * pitch + 60;
  const scale = 1.15;
  const angle = (-40 * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const centre = { x: A4.width / 2, y: A4.height / 2 };
  const place = ([x, y]: readonly [number, number], letter: number) => {
    const lx = (x + letter * pitch - wordWidth / 2) * scale;
    const ly = (y - 50) * scale;
    return { x: centre.x + lx * cos - ly * sin, y: centre.y + lx * sin + ly * cos };
  };
  return {
    absolutePosition: { x: 0, y: 0 },
    canvas: DRAFT_STROKES.map((points, i) => ({
      type: 'polyline' as const,
      points: points.map((p) => place(p, DRAFT_STROKE_LETTER[i]!)),
      lineWidth: 16,
      lineColor: COLORS.draft,
      strokeOpacity: 0.07,
      lineCap: 'round' as const,
      lineJoin: 'round' as const,
    })),
  };
}
