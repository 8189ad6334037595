/**
 * The ffmpeg command that turns a recording's streams into one file (pure: no processes here): the
 * people on camera in a grid with their names under the tiles, every voice mixed, H.264/AAC in MP4
 * (Debian's libx264 and aac encode faster than real time on one core; +faststart so players seek at once).
 */

export interface VideoTrack {
  file: string;
  /** Shown under the tile (a file holding the text: drawtext then needs no escaping). */
  labelFile?: string;
  /** When it starts, from the recording's start (ms). */
  offsetMs: number;
}

export interface AudioTrack {
  file: string;
  offsetMs: number;
}

export interface GridCommand {
  videos: VideoTrack[];
  audios: AudioTrack[];
  durationMs: number;
  out: string;
  /** A TrueType font for the names; without one the tiles have none. */
  fontFile?: string;
}

const FPS = 15;

/** Tile size by how many there are: four fit a 1280×720 picture, more get smaller tiles. */
export function tileSize(count: number): { width: number; height: number } {
  return count <= 4 ? { width: 640, height: 360 } : { width: 426, height: 240 };
}

/** Columns and rows of a grid of `count` tiles, as square as it gets. */
export function gridOf(count: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/** A path as a filter option: quoted, which covers ':' ',' ';' and brackets (paths with quotes or backslashes are refused earlier). */
function filterValue(value: string): string {
  return `'${value}'`;
}

/** Whether a path can be a filter option as `filterValue` writes it. */
export function quotablePath(value: string): boolean {
  return !/['\\]/.test(value);
}

export function gridCommand({ videos, audios, durationMs, out, fontFile }: GridCommand): string[] {
  const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);
  const inputs: string[] = [];
  const filters: string[] = [];
  const count = Math.max(1, videos.length);
  const { width, height } = tileSize(count);
  const { columns, rows } = gridOf(count);

  videos.forEach((video, index) => {
    inputs.push('-i', video.file);
    const label = fontFile && video.labelFile && quotablePath(fontFile) && quotablePath(video.labelFile)
      ? `,drawtext=fontfile=${filterValue(fontFile)}:textfile=${filterValue(video.labelFile)}:expansion=none:fontsize=${Math.round(height / 16)}` +
        `:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=6:x=(w-text_w)/2:y=h-text_h-12`
      : '';
    filters.push(
      `[${index}:v]setpts=PTS-STARTPTS,fps=${FPS},scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
      `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:black,setsar=1,format=yuv420p,` +
      // Late joiners start black; whoever stopped sending keeps their last picture to the end.
      `tpad=start_duration=${seconds(video.offsetMs)}:color=black:stop=-1:stop_mode=clone${label}[v${index}]`,
    );
  });
  if (!videos.length) {
    inputs.push('-f', 'lavfi', '-i', `color=c=black:s=${width}x${height}:r=${FPS}`);
    filters.push('[0:v]format=yuv420p[v0]');
  }
  const videoInputs = inputs.filter((arg) => arg === '-i').length;

  audios.forEach((audio, index) => {
    inputs.push('-i', audio.file);
    const delay = Math.round(Math.max(0, audio.offsetMs));
    filters.push(`[${videoInputs + index}:a]asetpts=PTS-STARTPTS,aresample=48000,adelay=${delay}:all=1,apad[a${index}]`);
  });
  if (!audios.length) {
    inputs.push('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo');
    filters.push(`[${videoInputs}:a]anull[a0]`);
  }
  const audioCount = Math.max(1, audios.length);

  if (count === 1) {
    filters.push('[v0]null[video]');
  } else {
    const layout = Array.from({ length: count }, (_, i) => `${(i % columns) * width}_${Math.floor(i / columns) * height}`).join('|');
    const tiles = Array.from({ length: count }, (_, i) => `[v${i}]`).join('');
    filters.push(`${tiles}xstack=inputs=${count}:layout=${layout}:fill=black[grid]`);
    // xstack sizes the picture by its tiles; a last row that is not full still gets its height.
    filters.push(`[grid]pad=${columns * width}:${rows * height}:0:0:black[video]`);
  }
  const voices = Array.from({ length: audioCount }, (_, i) => `[a${i}]`).join('');
  filters.push(audioCount === 1 ? '[a0]anull[audio]' : `${voices}amix=inputs=${audioCount}:duration=longest:normalize=0[audio]`);

  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    ...inputs,
    '-filter_complex', filters.join(';'),
    '-map', '[video]', '-map', '[audio]',
    '-t', seconds(durationMs),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p', '-r', String(FPS),
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2',
    '-movflags', '+faststart',
    out,
  ];
}
