// Media and native components. video and audio are HTML media (package files, web addresses and the host's
// temporary files); canvas is a 2d canvas; components a
// browser cannot provide (map, camera, live video, ads) show a clear, sized placeholder so
// the rest of the program keeps working.
import { flag, mediaSource, remember, shadow, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';

const MEDIA_CSS = ':host{display:block}video,audio{width:100%;height:100%;background:#000}';

/** Plays a temporary file the host keeps (wxfile://tmp_…, from chooseMedia or downloadFile) through an object URL. */
function playTemporary(element: HTMLElement, player: HTMLMediaElement, path: string, context: BuiltinContext): void {
  if (player.dataset['temp'] === path) {
    return;
  }
  player.dataset['temp'] = path;
  void context.tempFile(path).then((url) => {
    if (player.dataset['temp'] !== path) {
      return;
    }
    if (url === undefined) {
      player.removeAttribute('src');
      context.fire(element, 'error', { errMsg: `${path} not found` });
    } else if (player.getAttribute('src') !== url) {
      player.src = url;
    }
  });
}

function media(tag: 'video' | 'audio'): Builtin {
  return {
    create(element, context) {
      const player = document.createElement(tag);
      shadow(element, MEDIA_CSS).appendChild(player);
      for (const type of ['play', 'pause', 'ended', 'error']) {
        player.addEventListener(type, () => context.fire(element, type, {}));
      }
      player.addEventListener('timeupdate', () => context.fire(element, 'timeupdate', { currentTime: player.currentTime, duration: player.duration }));
      player.addEventListener('loadedmetadata', () => {
        const size = player instanceof HTMLVideoElement ? { width: player.videoWidth, height: player.videoHeight } : {};
        context.fire(element, 'loadedmetadata', { ...size, duration: player.duration });
      });
    },
    update(element, attributes: Attributes, context) {
      remember(element, attributes);
      const player = element.shadowRoot?.querySelector<HTMLMediaElement>(tag);
      if (!player) {
        return;
      }
      const written = text(attributes['src']).trim();
      if (written.startsWith('wxfile://')) {
        playTemporary(element, player, written, context);
      } else {
        delete player.dataset['temp'];
        const src = mediaSource(element, written, /^(https?:|blob:)/i, context);
        if (src && player.getAttribute('src') !== src) {
          player.src = src;
        }
      }
      player.controls = attributes['controls'] === undefined ? true : flag(attributes['controls']);
      player.loop = flag(attributes['loop']);
      player.muted = flag(attributes['muted']);
      player.autoplay = flag(attributes['autoplay']);
    },
  };
}

export const video = media('video');
export const audio = media('audio');

export const canvas: Builtin = {
  create(element) {
    shadow(element, ':host{display:inline-block;width:300px;height:150px}canvas{width:100%;height:100%}').appendChild(document.createElement('canvas'));
  },
  update: remember,
};

const PLACEHOLDER_CSS = `:host{display:flex;align-items:center;justify-content:center;min-height:150px;background:#f2f2f2;color:#888;font-size:14px;text-align:center;box-sizing:border-box;padding:8px}`;

export function placeholder(name: string): Builtin {
  return {
    create(element) {
      shadow(element, PLACEHOLDER_CSS).textContent = `${name} is not available in Capsule`;
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', `${name} is not available in Capsule`);
    },
    update: remember,
  };
}
