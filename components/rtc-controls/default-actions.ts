/** The bar's buttons when `actions` is not set, in order (its own module: the bundle's entry exports it, the bar is a chunk). */
export const DEFAULT_ACTIONS = 'microphone camera switch-camera screen hand reactions layout fullscreen chat people slot hangup';

/** The room's own bar: the defaults plus picture-in-picture and recording, which always sit in its More menu. */
export const ROOM_ACTIONS = 'microphone camera switch-camera screen hand reactions layout fullscreen chat people pip record slot hangup';
