/**
 * Draws the call as it is on screen onto one canvas: each tile's box and name, and each visible video
 * where it sits, scaled from the room's size now to the canvas's size at the start.
 */

/** Every element under `root`, shadow roots included, in document order. */
function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    yield child;
    if (child.shadowRoot) yield* deepElements(child.shadowRoot);
    yield* deepElements(child);
  }
}

/** The box a video's frame fills inside its element, after `object-fit`. */
function fitted(video: HTMLVideoElement, box: DOMRect): { x: number; y: number; width: number; height: number; crop: [number, number, number, number] } {
  const { videoWidth: vw, videoHeight: vh } = video;
  const fit = getComputedStyle(video).objectFit;
  const scale = fit === 'contain' ? Math.min(box.width / vw, box.height / vh) : Math.max(box.width / vw, box.height / vh);
  const width = vw * scale;
  const height = vh * scale;
  if (fit === 'contain') return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height, crop: [0, 0, vw, vh] };
  // cover: the frame overflows the box; only the middle part shows.
  const cropWidth = box.width / scale;
  const cropHeight = box.height / scale;
  return { x: box.x, y: box.y, width: box.width, height: box.height, crop: [(vw - cropWidth) / 2, (vh - cropHeight) / 2, cropWidth, cropHeight] };
}

function mirrored(video: HTMLVideoElement): boolean {
  const transform = getComputedStyle(video).transform;
  return transform.startsWith('matrix(-1');
}

export class CallCompositor {
  readonly canvas = document.createElement('canvas');
  readonly #context: CanvasRenderingContext2D;

  constructor(private readonly view: HTMLElement) {
    const { width, height } = view.getBoundingClientRect();
    // Encoders want even sizes; a room not laid out yet records at 640×360.
    this.canvas.width = Math.max(2, Math.round((width || 640) / 2) * 2);
    this.canvas.height = Math.max(2, Math.round((height || 360) / 2) * 2);
    this.#context = this.canvas.getContext('2d')!;
  }

  /** One frame: the background, every tile's box, the videos where they are, then the names over them. */
  draw(): void {
    const context = this.#context;
    const origin = this.view.getBoundingClientRect();
    const sx = origin.width ? this.canvas.width / origin.width : 1;
    const sy = origin.height ? this.canvas.height / origin.height : 1;
    const place = (rect: DOMRect) => new DOMRect((rect.x - origin.x) * sx, (rect.y - origin.y) * sy, rect.width * sx, rect.height * sy);
    const tiles: Element[] = [];
    const videos: HTMLVideoElement[] = [];
    for (const element of deepElements(this.view.shadowRoot ?? this.view)) {
      if (element.localName === 'rtc-video-tile') tiles.push(element);
      else if (element instanceof HTMLVideoElement) videos.push(element);
    }
    context.fillStyle = '#111';
    context.fillRect(0, 0, this.canvas.width, this.canvas.height);
    context.fillStyle = '#2a2d33';
    const boxes = tiles.map((tile) => place(tile.getBoundingClientRect()));
    for (const box of boxes) context.fillRect(box.x, box.y, box.width, box.height);
    for (const video of videos) this.#video(video, place(video.getBoundingClientRect()));
    tiles.forEach((tile, i) => {
      const name = tile.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim();
      if (name && boxes[i]!.width && boxes[i]!.height) this.#label(name, boxes[i]!);
    });
  }

  #video(video: HTMLVideoElement, box: DOMRect): void {
    if (!box.width || !box.height || video.readyState < 2 || !video.videoWidth || getComputedStyle(video).visibility === 'hidden') return;
    const { x, y, width, height, crop } = fitted(video, box);
    const context = this.#context;
    context.save();
    context.beginPath();
    context.rect(box.x, box.y, box.width, box.height);
    context.clip();
    if (mirrored(video)) {
      context.translate(2 * x + width, 0);
      context.scale(-1, 1);
    }
    context.drawImage(video, ...crop, x, y, width, height);
    context.restore();
  }

  #label(name: string, box: DOMRect): void {
    const context = this.#context;
    const size = Math.max(11, Math.min(18, box.height / 14));
    context.font = `${size}px system-ui, sans-serif`;
    const width = context.measureText(name).width + size;
    context.fillStyle = 'rgba(0, 0, 0, 0.55)';
    context.fillRect(box.x + 6, box.y + box.height - size * 1.8 - 6, width, size * 1.8);
    context.fillStyle = '#fff';
    context.textBaseline = 'middle';
    context.fillText(name, box.x + 6 + size / 2, box.y + box.height - size * 0.9 - 6);
  }
}
