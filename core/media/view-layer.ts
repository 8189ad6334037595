/**
 * Which camera layer one receiver needs, from the size at which it shows our video: the smallest
 * layer that still fills its tile, so a thumbnail never costs a full-resolution upload.
 */

/** A rendered size in device pixels (CSS pixels × devicePixelRatio). */
export interface ViewSize {
  width: number;
  height: number;
}

/** A layer a little smaller than the tile still looks sharp (scaling up by this much is not seen). */
const UPSCALE_TOLERANCE = 1.15;

/**
 * The one encoding to send a receiver: `view` undefined (it never said) gets the top layer, a view of
 * 0 × 0 (not shown) gets the lowest one paused, any other the smallest layer covering it in both
 * dimensions (tiles crop the camera to fill, so both count). `layers` are top first, as `cameraLayers`
 * makes them; `captured` is the camera's delivered size (the layers' scales are relative to it).
 */
export function encodingForView(
  layers: readonly RTCRtpEncodingParameters[],
  captured: { width?: number; height?: number } | undefined,
  view: ViewSize | undefined,
): RTCRtpEncodingParameters {
  const top = layers[0] ?? {};
  if (!view) return single(top, true);
  if (view.width <= 0 || view.height <= 0) return single(layers[layers.length - 1] ?? top, false);
  const width = captured?.width ?? 0;
  const height = captured?.height ?? 0;
  if (!width || !height) return single(top, true);
  const fits = (layer: RTCRtpEncodingParameters) => {
    const scale = layer.scaleResolutionDownBy ?? 1;
    return (width / scale) * UPSCALE_TOLERANCE >= view.width && (height / scale) * UPSCALE_TOLERANCE >= view.height;
  };
  const smallestFitting = [...layers].reverse().find(fits);
  return single(smallestFitting ?? top, true);
}

/** A layer as the only encoding of a sender: a lone encoding carries no rid. */
function single(layer: RTCRtpEncodingParameters, active: boolean): RTCRtpEncodingParameters {
  const { rid: _rid, ...rest } = layer;
  return { ...rest, active };
}
