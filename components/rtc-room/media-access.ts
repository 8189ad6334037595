/**
 * Camera and microphone access for the lobby: which kinds the browser refuses, how to allow them
 * in this browser, and asking again. The engine reports a refusal as `permission-denied`; the
 * Permissions API says so for the kind the lobby has not opened yet (the microphone).
 */
import type { StringKey } from '../i18n/strings.js';

export type CaptureKind = 'camera' | 'microphone';
export type Denied = Readonly<Record<CaptureKind, boolean>>;
export const NOTHING_DENIED: Denied = { camera: false, microphone: false };

/** The browsers whose settings differ enough to need their own steps. */
export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'chrome-mobile' | 'firefox-mobile' | 'safari-ios' | 'other';

interface UserAgentData {
  brands?: { brand: string }[];
  mobile?: boolean;
}

/** From `navigator.userAgentData` where there is one (Chromium), else the user-agent string. */
export function browserFamily(nav: Pick<Navigator, 'userAgent'> & { userAgentData?: UserAgentData } = navigator): BrowserFamily {
  const ua = nav.userAgent;
  // Every browser on iOS is Safari underneath and takes its permissions from Safari's website settings.
  if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && /Mobile\//.test(ua))) return 'safari-ios';
  const brands = nav.userAgentData?.brands?.map((b) => b.brand) ?? [];
  const mobile = nav.userAgentData?.mobile ?? /Android|Mobile/.test(ua);
  if (brands.includes('Microsoft Edge') || /Edg(A|iOS)?\//.test(ua)) return mobile ? 'chrome-mobile' : 'edge';
  if (/Firefox\//.test(ua)) return mobile ? 'firefox-mobile' : 'firefox';
  if (brands.some((b) => /Chrom/.test(b)) || /Chrom(e|ium)\//.test(ua)) return mobile ? 'chrome-mobile' : 'chrome';
  if (/Safari\//.test(ua)) return 'safari';
  return 'other';
}

export const ALLOW_STEPS: Record<BrowserFamily, StringKey> = {
  chrome: 'media.steps.chrome',
  edge: 'media.steps.edge',
  firefox: 'media.steps.firefox',
  safari: 'media.steps.safari',
  'chrome-mobile': 'media.steps.chrome-mobile',
  'firefox-mobile': 'media.steps.firefox-mobile',
  'safari-ios': 'media.steps.safari-ios',
  other: 'media.steps.other',
};

/** `denied`, `granted` or `prompt`; `prompt` where the browser cannot tell (Firefox has no camera/microphone query before 131). */
export async function permissionState(kind: CaptureKind): Promise<PermissionState> {
  try {
    const status = await navigator.permissions.query({ name: kind as PermissionName });
    return status.state;
  } catch {
    return 'prompt';
  }
}

/**
 * Asks for the device again (the browser prompts, or answers from the site's settings) and lets
 * it go at once: for the microphone, which the lobby does not keep open. Resolves whether it was allowed.
 */
export async function askAgain(kind: CaptureKind): Promise<boolean> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'camera' ? { video: true } : { audio: true });
    stream.getTracks().forEach((track) => track.stop());
    return true;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    // Only a refusal counts as denied: a missing or busy device is another story, told by the join.
    return !(name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError');
  }
}
