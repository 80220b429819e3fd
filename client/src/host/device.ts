// Device APIs the host answers with its own UI, outside the sandbox: choosing photos or videos (the
// program only gets temporary paths), a full-screen image viewer, phone calls, location and saving to the device
// after the user agrees. Nothing here is drawn by the program; every text is set with textContent.
import { addTempFile, getTempFile } from './temp-files';
import type { AuthSettings } from './auth-settings';
import { DeviceFailure } from './device-failure';
import './device.css';

type Args = Record<string, unknown>;

/** How the host's prompts name a program: its window title from app.json, or a plain description. */
export function programTitle(app: Record<string, unknown>): string {
  const window = app['window'];
  const title = window && typeof window === 'object' ? (window as Record<string, unknown>)['navigationBarTitleText'] : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : 'This mini program';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

function extensionOf(file: File): string {
  const fromName = /\.([a-z0-9]+)$/i.exec(file.name)?.[1];
  return fromName ?? file.type.split('/')[1] ?? '';
}

/** A sheet over the whole window with a title and buttons; resolves with the button chosen, or undefined on cancel. */
function sheet(title: string, choices: string[], cancel = 'Cancel'): Promise<number | undefined> {
  return new Promise((resolve) => {
    const mask = el('div', 'capsule-host-mask');
    const box = el('div', 'capsule-host-sheet');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', title);
    box.appendChild(el('p', 'capsule-host-title', title));
    const done = (choice: number | undefined) => {
      mask.remove();
      resolve(choice);
    };
    choices.forEach((label, i) => {
      const button = el('button', 'capsule-host-choice', label);
      button.onclick = () => done(i);
      box.appendChild(button);
    });
    const cancelButton = el('button', 'capsule-host-choice cancel', cancel);
    cancelButton.onclick = () => done(undefined);
    box.appendChild(cancelButton);
    mask.appendChild(box);
    document.body.appendChild(mask);
  });
}

/** Opens the browser's file picker (called from a click in the host's own sheet, so it is allowed). */
function pickFiles(accept: string, multiple: boolean, capture: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    if (capture) {
      input.setAttribute('capture', 'environment');
    }
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

function imageSize(blob: Blob): Promise<{ width: number; height: number } | undefined> {
  return createImageBitmap(blob).then(
    (bitmap) => {
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    },
    () => undefined,
  );
}

export class DeviceApis {
  constructor(
    private readonly programName: string,
    private readonly auth: AuthSettings,
  ) {}

  private async choose(name: string, accept: string, count: number, sourceType: unknown): Promise<File[]> {
    const sources = Array.isArray(sourceType) ? sourceType.map(String) : ['album', 'camera'];
    const labels = sources.map((s) => (s === 'camera' ? 'Take with the camera' : 'Choose from files'));
    const choice = await sheet(`${this.programName} wants a ${accept.startsWith('image') ? 'photo' : 'photo or video'}`, labels);
    if (choice === undefined) {
      throw new DeviceFailure(`${name}:fail cancel`);
    }
    const files = (await pickFiles(accept, count > 1, sources[choice] === 'camera')).slice(0, Math.max(1, count));
    if (files.length === 0) {
      throw new DeviceFailure(`${name}:fail cancel`);
    }
    return files;
  }

  async chooseImage(args: Args): Promise<Args> {
    const files = await this.choose('chooseImage', 'image/*', Number(args['count'] ?? 9), args['sourceType']);
    const tempFiles = files.map((file) => ({ path: addTempFile(file, extensionOf(file)), size: file.size }));
    return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles };
  }

  async chooseMedia(args: Args): Promise<Args> {
    const types = Array.isArray(args['mediaType']) ? args['mediaType'].map(String) : ['image', 'video'];
    const accept = [types.includes('image') || types.includes('mix') ? 'image/*' : '', types.includes('video') || types.includes('mix') ? 'video/*' : ''].filter(Boolean).join(',') || 'image/*';
    const files = await this.choose('chooseMedia', accept, Number(args['count'] ?? 9), args['sourceType']);
    const tempFiles = await Promise.all(
      files.map(async (file) => {
        const fileType = file.type.startsWith('video/') ? 'video' : 'image';
        const size = fileType === 'image' ? await imageSize(file) : undefined;
        return { tempFilePath: addTempFile(file, extensionOf(file)), size: file.size, fileType, ...size };
      }),
    );
    const kinds = new Set(tempFiles.map((f) => f.fileType));
    return { tempFiles, type: kinds.size > 1 ? 'mix' : ([...kinds][0] ?? 'image') };
  }

  /** A full-screen viewer of the given images (temporary files or web addresses); closes on tap or Escape. */
  previewImage(args: Args): Args {
    const urls = (Array.isArray(args['urls']) ? args['urls'] : []).map(String);
    if (urls.length === 0) {
      throw new DeviceFailure('previewImage:fail parameter error: urls should not be empty');
    }
    const sources = urls.map((url) => {
      const blob = getTempFile(url);
      return blob ? URL.createObjectURL(blob) : /^https?:\/\//i.test(url) ? url : '';
    });
    let index = Math.max(0, urls.indexOf(String(args['current'] ?? urls[0])));
    const viewer = el('div', 'capsule-host-viewer');
    viewer.setAttribute('role', 'dialog');
    viewer.setAttribute('aria-label', 'Image preview');
    const image = el('img', 'capsule-host-viewer-image');
    const counter = el('div', 'capsule-host-viewer-count');
    const show = () => {
      image.src = sources[index] ?? '';
      image.alt = `image ${index + 1} of ${urls.length}`;
      counter.textContent = `${index + 1} / ${urls.length}`;
    };
    const close = () => {
      viewer.remove();
      document.removeEventListener('keydown', keys);
      sources.filter((s) => s.startsWith('blob:')).forEach((s) => URL.revokeObjectURL(s));
    };
    const keys = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        close();
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        index = (index + (event.key === 'ArrowRight' ? 1 : urls.length - 1)) % urls.length;
        show();
      }
    };
    viewer.onclick = close;
    document.addEventListener('keydown', keys);
    viewer.append(image, counter);
    show();
    document.body.appendChild(viewer);
    return {};
  }

  /** The device's position (WGS-84), once the user allowed this program to use it. */
  async getLocation(): Promise<Args> {
    await this.auth.require('scope.userLocation', 'getLocation');
    const position = await new Promise<GeolocationPosition>((resolve, reject) =>
      navigator.geolocation.getCurrentPosition(resolve, (error) => reject(new DeviceFailure(`getLocation:fail ${error.message || 'position unavailable'}`)), { timeout: 15_000 }),
    );
    const c = position.coords;
    return {
      latitude: c.latitude,
      longitude: c.longitude,
      speed: c.speed ?? -1,
      accuracy: c.accuracy,
      altitude: c.altitude ?? 0,
      verticalAccuracy: c.altitudeAccuracy ?? 0,
      horizontalAccuracy: c.accuracy,
    };
  }

  /**
   * wx.saveImageToPhotosAlbum / saveVideoToPhotosAlbum: a temporary file (chosen, downloaded or drawn) saved as a
   * download of the browser, once the user allowed scope.writePhotosAlbum. Web addresses are refused, as in WeChat.
   */
  async saveToDevice(name: 'saveImageToPhotosAlbum' | 'saveVideoToPhotosAlbum', args: Args): Promise<Args> {
    const filePath = String(args['filePath'] ?? '');
    const file = getTempFile(filePath);
    if (!file) {
      throw new DeviceFailure(`${name}:fail ${/^https?:/i.test(filePath) ? 'invalid file path, a network address cannot be saved' : `no such file or directory ${filePath}`}`);
    }
    await this.auth.require('scope.writePhotosAlbum', name);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = filePath.slice(filePath.lastIndexOf('/') + 1);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    return {};
  }

  /** Asks the user whether to call the number; the call itself is the device's (a tel: link). */
  async makePhoneCall(args: Args): Promise<Args> {
    const number = String(args['phoneNumber'] ?? '').trim();
    if (!/^\+?[\d\s()-]{3,}$/.test(number)) {
      throw new DeviceFailure('makePhoneCall:fail invalid phoneNumber');
    }
    if ((await sheet(number, [`Call ${number}`])) === undefined) {
      throw new DeviceFailure('makePhoneCall:fail cancel');
    }
    const link = document.createElement('a');
    link.href = `tel:${number.replace(/[\s()-]/g, '')}`;
    link.click();
    return {};
  }
}
