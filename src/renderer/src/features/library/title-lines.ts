/**
 * How many lines (1 or 2) a list row's title takes, without rendering it: rows have exact heights,
 * so the virtualised list never measures rows while scrolling (measuring re-laid out 50k rows).
 * Titles clearly shorter or longer than a line are judged by their length; only those near the
 * limit are measured with a canvas in the title's font, once per title.
 */

/** Average title character width relative to the font size (bold UI font). */
const AVERAGE_CHAR_EM = 0.55;

const measured = new Map<string, number>();
let canvas: CanvasRenderingContext2D | null | undefined;
let canvasFont = '';

function textWidth(text: string, font: string): number | null {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return null;
  if (canvasFont !== font) {
    canvas.font = font;
    canvasFont = font;
    measured.clear();
  }
  let width = measured.get(text);
  if (width === undefined) {
    width = canvas.measureText(text).width;
    measured.set(text, width);
  }
  return width;
}

/**
 * Lines `title` wraps to (at most 2: longer titles end in an ellipsis) in `available` px of
 * `font` (a CSS font shorthand whose size is `fontSize` px).
 */
export function titleLines(
  title: string,
  available: number,
  font: string,
  fontSize: number,
): 1 | 2 {
  const guess = title.length * fontSize * AVERAGE_CHAR_EM;
  if (guess < available * 0.7) return 1;
  if (guess > available * 1.4) return 2;
  const width = textWidth(title, font);
  // Canvas and DOM shape text alike; 2 px absorb sub-pixel rounding. Without a canvas, err on
  // the side of two lines (a gap rather than a cut title).
  if (width === null) return guess <= available * 0.85 ? 1 : 2;
  return width <= available - 2 ? 1 : 2;
}
