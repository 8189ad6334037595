/**
 * How a draft stands against the server's limit, which counts UTF-8 bytes (a Chinese character is
 * three), told in characters, which is what a writer can act on.
 */
export interface LengthReport {
  bytes: number;
  /** Characters to delete from the end to fit; 0 when it fits. */
  over: number;
  /** Characters that still fit, counting each as wide as the widest one typed so far. */
  left: number;
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export function measureLength(text: string, maxBytes: number): LengthReport {
  const chars = [...text];
  const sizes = chars.map(utf8Length);
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  if (bytes <= maxBytes) return { bytes, over: 0, left: Math.floor((maxBytes - bytes) / Math.max(1, ...sizes)) };
  let fit = 0;
  for (let used = 0; used + sizes[fit]! <= maxBytes; fit++) used += sizes[fit]!;
  return { bytes, over: chars.length - fit, left: 0 };
}
