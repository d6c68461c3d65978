/**
 * Pure tag rules shared by the tag repository and the v2 migration: the colour palette and the
 * name normalisation that defines when two tags are "the same".
 */

/**
 * The fixed tag colours (readable on light and dark backgrounds). Stored colours are always one
 * of these, so the UI can map them to accessible text colours.
 */
export const TAG_PALETTE: readonly string[] = Object.freeze([
  '#2563eb',
  '#16a34a',
  '#dc2626',
  '#d97706',
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#ea580c',
  '#4b5563',
]);

/** Longest allowed tag name, in characters, after trimming. */
export const MAX_TAG_NAME_LENGTH = 60;

/**
 * The uniqueness key of a tag name: trimmed and lowercased. Two names with the same key are the
 * same tag ('ML' and ' ml ').
 */
export function tagNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Trims a proposed tag name and checks it; throws an Error whose message can be shown as is.
 * Invariant: the result is non-empty and at most `MAX_TAG_NAME_LENGTH` characters.
 */
export function validateTagName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new Error('A tag name cannot be empty.');
  if (trimmed.length > MAX_TAG_NAME_LENGTH) {
    throw new Error(
      `A tag name can have at most ${MAX_TAG_NAME_LENGTH} characters (this one has ${trimmed.length}).`,
    );
  }
  return trimmed;
}

/** Palette colour for the `index`-th tag, round-robin, so new tags get varied colours. */
export function paletteColor(index: number): string {
  const size = TAG_PALETTE.length;
  return TAG_PALETTE[((index % size) + size) % size] as string;
}

/** Throws unless `color` is one of `TAG_PALETTE` (compared case-insensitively); returns it. */
export function validateTagColor(color: string): string {
  const found = TAG_PALETTE.find((entry) => entry === color.toLowerCase());
  if (found === undefined) {
    throw new Error(`"${color}" is not one of the tag colours (${TAG_PALETTE.join(', ')}).`);
  }
  return found;
}
