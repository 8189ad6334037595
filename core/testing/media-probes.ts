/** Browser-test helpers that check what a user would notice: frames on screen, sound arriving. */

/** Resolves once `frames` new video frames of the stream have been presented in a (muted) video element. */
export async function framesArrive(stream: MediaStream | null | undefined, frames = 5, timeoutMs = 30_000): Promise<void> {
  if (!stream?.getVideoTracks().length) throw new Error('framesArrive: no video track to watch');
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.style.cssText = 'position:fixed;width:160px;height:90px;bottom:0;right:0';
  video.srcObject = stream;
  document.body.append(video);
  try {
    await new Promise<void>((resolve, reject) => {
      let seen = 0;
      const timer = setTimeout(() => reject(new Error(`only ${seen} of ${frames} frames arrived in ${timeoutMs} ms`)), timeoutMs);
      const onFrame = () => {
        if (++seen >= frames) {
          clearTimeout(timer);
          resolve();
        } else {
          video.requestVideoFrameCallback(onFrame);
        }
      };
      video.requestVideoFrameCallback(onFrame);
      void video.play().catch(() => undefined);
    });
  } finally {
    video.srcObject = null;
    video.remove();
  }
}

/**
 * Plays a stream in a muted element, as a UI does, until the returned function is called. Chromium
 * decodes remote audio (and reports its levels) only while some element plays it.
 */
export function play(stream: MediaStream): () => void {
  const element = document.createElement('audio');
  element.muted = true;
  element.srcObject = stream;
  document.body.append(element);
  void element.play().catch(() => undefined);
  return () => {
    element.srcObject = null;
    element.remove();
  };
}

/** Polls `condition` until it holds; fails with `what` after the timeout. Never a fixed sleep. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
