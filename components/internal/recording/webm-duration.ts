/**
 * Writes a WebM's duration into its header. MediaRecorder streams the file and never goes back to say
 * how long it is, so players show no duration and cannot seek. In EBML terms: Segment > Info > Duration,
 * a float in TimecodeScale units (Chrome writes no Duration, an unknown Segment size, and no SeekHead or
 * Cues whose offsets the insertion would move).
 */
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
/** Info sits before the tracks and the first cluster, within the first few hundred bytes. */
const HEAD_BYTES = 64 * 1024;

interface Element {
  id: number;
  /** Where its size begins. */
  sizeAt: number;
  data: number;
  end: number;
  /** Streamed (all ones): runs to the end of what was read. */
  unknownSize: boolean;
}

/** An EBML variable-length integer: its length from the leading zeros of its first byte. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at] ?? 0;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) throw new RangeError('not EBML');
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i]!;
  return { value, length };
}

function element(bytes: Uint8Array, at: number): Element {
  const id = vint(bytes, at, true);
  const size = vint(bytes, at + id.length, false);
  const data = at + id.length + size.length;
  const unknownSize = size.value === 2 ** (7 * size.length) - 1;
  return { id: id.value, sizeAt: at + id.length, data, end: unknownSize ? bytes.length : data + size.value, unknownSize };
}

function children(bytes: Uint8Array, parent: Element): Element[] {
  const list: Element[] = [];
  for (let at = parent.data; at < Math.min(parent.end, bytes.length); at = list.at(-1)!.end) list.push(element(bytes, at));
  return list;
}

/** An 8-byte EBML size. */
function size8(value: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value) | (1n << 56n));
  return bytes;
}

function float64(value: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return bytes;
}

/** The file with `durationMs` in its header; the file as it was when it is no WebM this can read. */
export async function withWebmDuration(file: Blob, durationMs: number): Promise<Blob> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  try {
    const segment = element(head, element(head, 0).end);
    const info = segment.id === SEGMENT ? children(head, segment).find((child) => child.id === INFO) : undefined;
    if (!info || info.end > head.length) return file;
    const fields = children(head, info);
    const scale = fields.find((field) => field.id === TIMECODE_SCALE);
    const nanosPerTick = scale ? uint(head.subarray(scale.data, scale.end)) : 1e6;
    const ticks = (durationMs * 1e6) / nanosPerTick;
    const existing = fields.find((field) => field.id === DURATION);
    const view = new DataView(head.buffer);
    if (existing) {
      if (existing.end - existing.data === 4) view.setFloat32(existing.data, ticks);
      else view.setFloat64(existing.data, ticks);
      return new Blob([head.subarray(0, info.end), file.slice(info.end)], { type: file.type });
    }
    // Appended to Info, whose size is written again 8 bytes wide; a known Segment size grows by as much.
    const duration = [Uint8Array.of(0x44, 0x89, 0x88), float64(ticks)];
    const growth = 11 + 8 - (info.data - info.sizeAt);
    if (!segment.unknownSize) {
      const width = segment.data - segment.sizeAt;
      const grown = segment.end - segment.data + growth;
      if (grown >= 2 ** (7 * width) - 1) return file;
      for (let i = width - 1, rest = grown; i >= 0; i--, rest = Math.floor(rest / 256)) head[segment.sizeAt + i] = rest % 256;
      head[segment.sizeAt] |= 0x80 >> (width - 1);
    }
    return new Blob(
      [head.subarray(0, info.sizeAt), size8(info.end - info.data + 11), head.subarray(info.data, info.end), ...duration, file.slice(info.end)],
      { type: file.type },
    );
  } catch {
    return file;
  }
}

/** A big-endian unsigned integer. */
function uint(bytes: Uint8Array): number {
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}
