// <image>: the picture in a shadow root, sized and cropped by WeChat's modes, with load and error events.
// A picture that fails to load leaves the box empty, as WeChat's does (no broken-image icon).
import { flag, mediaSource, remember, shadow, text, type Attributes, type Builtin } from './builtin';

const CSS = `:host{position:relative}
img{display:block;width:100%;height:100%;object-fit:fill}
img[hidden]{display:none}
img[data-broken]{visibility:hidden}`;

const FITS: Record<string, [string, string]> = {
  scaleToFill: ['fill', 'center'],
  aspectFit: ['contain', 'center'],
  aspectFill: ['cover', 'center'],
  widthFix: ['fill', 'center'],
  heightFix: ['fill', 'center'],
  top: ['none', 'center top'],
  bottom: ['none', 'center bottom'],
  center: ['none', 'center'],
  left: ['none', 'left center'],
  right: ['none', 'right center'],
  'top left': ['none', 'left top'],
  'top right': ['none', 'right top'],
  'bottom left': ['none', 'left bottom'],
  'bottom right': ['none', 'right bottom'],
};

/** Image addresses a program may use besides its own files: web images, data and blob URLs. */
const IMAGE_URL = /^(https?:|data:image\/|blob:)/i;

export const image: Builtin = {
  create(element, context) {
    const img = document.createElement('img');
    img.alt = '';
    shadow(element, CSS).appendChild(img);
    img.addEventListener('load', () => {
      delete img.dataset['broken'];
      const mode = text(element.getAttribute('data-capsule-mode'));
      if (mode === 'widthFix') {
        element.style.height = `${(element.clientWidth * img.naturalHeight) / Math.max(1, img.naturalWidth)}px`;
      } else if (mode === 'heightFix') {
        element.style.width = `${(element.clientHeight * img.naturalWidth) / Math.max(1, img.naturalHeight)}px`;
      }
      context.fire(element, 'load', { width: img.naturalWidth, height: img.naturalHeight });
    });
    img.addEventListener('error', () => {
      img.dataset['broken'] = '';
      context.fire(element, 'error', { errMsg: `GET ${img.src} failed` });
    });
  },
  update(element, attributes: Attributes, context) {
    remember(element, attributes);
    const img = element.shadowRoot?.querySelector('img');
    if (!img) {
      return;
    }
    const mode = text(attributes['mode'], 'scaleToFill');
    element.setAttribute('data-capsule-mode', mode);
    const [fit, position] = FITS[mode] ?? FITS['scaleToFill'] ?? ['fill', 'center'];
    img.style.objectFit = fit;
    img.style.objectPosition = position;
    img.loading = flag(attributes['lazyLoad']) ? 'lazy' : 'eager';
    const written = text(attributes['src']).trim();
    if (written.startsWith('wxfile://')) {
      img.dataset['missing'] = '';
      img.dataset['temp'] = written;
      void context.tempFile(written).then((url) => {
        if (img.dataset['temp'] !== written) {
          return;
        }
        img.hidden = url === undefined;
        if (url === undefined) {
          context.fire(element, 'error', { errMsg: `GET ${written} 404 (Not Found)` });
        } else if (img.getAttribute('src') !== url) {
          delete img.dataset['broken'];
          img.src = url;
        }
      });
      return;
    }
    delete img.dataset['temp'];
    const src = mediaSource(element, written, IMAGE_URL, context);
    if (src === undefined && written !== '' && img.dataset['missing'] !== written) {
      img.dataset['missing'] = written;
      queueMicrotask(() => context.fire(element, 'error', { errMsg: `GET ${written} 404 (Not Found)` }));
    }
    img.hidden = src === undefined;
    if (src !== undefined && img.getAttribute('src') !== src) {
      delete img.dataset['broken'];
      img.src = src;
    } else if (src === undefined) {
      img.removeAttribute('src');
    }
  },
};
