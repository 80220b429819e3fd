// wx.getImageInfo: the size and type of a picture (a package file, by its path from the current page or the root, a
// temporary file, or a web address), read by loading it in the container as an <image> would.
import type { Data } from '../bridge/messages';

const TYPES: Readonly<Record<string, string>> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', bmp: 'bmp', svg: 'svg', ico: 'ico' };

function typeOf(src: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(src)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? 'unknown';
}

export async function imageInfo(src: string, url: string | undefined): Promise<Data> {
  if (url === undefined) {
    throw new Error(`getImageInfo:fail file not found: ${src}`);
  }
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new Error(`getImageInfo:fail the image could not be loaded: ${src}`);
  }
  return { width: image.naturalWidth, height: image.naturalHeight, path: src, orientation: 'up', type: typeOf(src) };
}
