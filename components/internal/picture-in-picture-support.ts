/** Which picture-in-picture the browser offers (the controls show their button only where there is one). */
interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}

declare global {
  interface Window {
    documentPictureInPicture?: DocumentPictureInPicture;
  }
}

export type PictureInPictureKind = 'document' | 'video';

/** Which picture-in-picture this browser offers, if any. */
export function pictureInPictureKind(): PictureInPictureKind | null {
  if (typeof window === 'undefined') return null;
  if (window.documentPictureInPicture) return 'document';
  if (document.pictureInPictureEnabled && 'requestPictureInPicture' in HTMLVideoElement.prototype) return 'video';
  return null;
}

