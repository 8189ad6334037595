/**
 * Which simulcast layer a subscriber gets of someone's camera, from the size its tile shows it at: the
 * smallest layer that still fills the tile (as the mesh picks per receiver, core/media/view-layer.ts).
 */
import type { ViewSize } from '../../hub/media-server.js';

/** A layer a little smaller than the tile still looks sharp (scaling up by this much is not seen). */
const UPSCALE_TOLERANCE = 1.15;

/** Janus's choice for one subscribed camera: a substream (0 is the lowest), or not sent at all. */
export type LayerChoice = { send: true; substream: number } | { send: false };

/** The camera's rids in the offer (h, m, l): Janus numbers them from the lowest, so h is substream 2. */
const RIDS = 3;
const TOP: LayerChoice = { send: true, substream: RIDS - 1 };

/**
 * `layers` are the sizes of the layers the sender sends, top first (h, then m, then l; unknown: empty);
 * `view` undefined means the subscriber never said (the top layer), 0 × 0 not shown (paused).
 */
export function layerForView(layers: readonly ViewSize[], view: ViewSize | undefined): LayerChoice {
  if (!view) return TOP;
  if (view.width <= 0 || view.height <= 0) return { send: false };
  // Tiles crop the camera to fill, so both dimensions count; the smallest that covers wins.
  for (let index = Math.min(layers.length, RIDS) - 1; index >= 0; index--) {
    const layer = layers[index];
    if (layer.width * UPSCALE_TOLERANCE >= view.width && layer.height * UPSCALE_TOLERANCE >= view.height) {
      return { send: true, substream: RIDS - 1 - index };
    }
  }
  return TOP;
}
