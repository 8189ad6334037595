/**
 * The media transports (mesh and SFU, with the peer links and the browser shims) are a chunk of their
 * own in the all-in-one bundle: the lobby needs none of them. The engine starts loading them when
 * joining starts and sends the join once they are in, so the first admission finds them loaded.
 */
type Transports = typeof import('./transports.js');

let loading: Promise<Transports> | undefined;
let loaded: Transports | undefined;

/** Loads them once (a failed download is tried again on the next call). */
export function loadTransports(): Promise<Transports> {
  return (loading ??= import('./transports.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The transports' module; only called after loadTransports() resolved (the join waits for it). */
export function transports(): Transports {
  if (!loaded) throw new Error('rtc-kit: the media transports are not loaded yet.');
  return loaded;
}
