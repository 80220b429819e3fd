import jsQR from 'jsqr';
import { h } from '../dom';
import { t } from './messages';
import './codes.css';

export interface Scanned {
  text: string;
  /** Where it was read: the camera (scene 1047, or 1011 for an ordinary link) or an image (1049, or 1013). */
  source: 'camera' | 'image';
}

function decode(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement): string | undefined {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context || width === 0 || height === 0) {
    return undefined;
  }
  context.drawImage(source, 0, 0, width, height);
  return jsQR(context.getImageData(0, 0, width, height).data, width, height)?.data;
}

/**
 * The in-app scanner: a full-screen view of the camera (getUserMedia) read with jsQR frame by frame, and a
 * "Pick an image" button for a picture of a code. Settles with the first code read, or null when cancelled.
 */
export function scanQr(options: { onlyFromCamera?: boolean } = {}): Promise<Scanned | null> {
  return new Promise((resolve) => {
    const canvas = document.createElement('canvas');
    const video = h('video', { class: 'scanner-video', muted: '', playsinline: '' });
    const status = h('p', { class: 'scanner-status', role: 'status' }, t('pointCamera'));
    const file = h('input', { type: 'file', accept: 'image/*', class: 'scanner-file', 'aria-label': t('pick') });
    const pick = h('label', { class: 'scanner-pick', hidden: options.onlyFromCamera ? '' : undefined }, t('pick'), file);
    const cancel = h('button', { type: 'button', class: 'scanner-cancel' }, t('cancel'));
    const overlay = h('div', { class: 'scanner', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('scanTitle') }, video, h('div', { class: 'scanner-frame', 'aria-hidden': 'true' }), status, h('div', { class: 'scanner-actions' }, pick, cancel));
    document.body.append(overlay);
    let stream: MediaStream | undefined;
    let frame = 0;
    let done = false;

    const finish = (result: Scanned | null) => {
      if (done) {
        return;
      }
      done = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
      overlay.remove();
      resolve(result);
    };
    cancel.onclick = () => finish(null);

    file.onchange = () => {
      const picked = file.files?.[0];
      if (!picked) {
        return;
      }
      createImageBitmap(picked)
        .then((bitmap) => {
          const text = decode(bitmap, bitmap.width, bitmap.height, canvas);
          bitmap.close();
          if (text === undefined) {
            status.textContent = t('notFound');
          } else {
            finish({ text, source: 'image' });
          }
        })
        .catch(() => (status.textContent = t('notFound')));
      file.value = '';
    };

    const tick = () => {
      if (done) {
        return;
      }
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        const text = decode(video, video.videoWidth, video.videoHeight, canvas);
        if (text !== undefined) {
          finish({ text, source: 'camera' });
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };

    if (!navigator.mediaDevices?.getUserMedia) {
      status.textContent = t('noCamera');
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (done) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        video.srcObject = media;
        await video.play();
        frame = requestAnimationFrame(tick);
      })
      .catch(() => (status.textContent = t('noCamera')));
  });
}
