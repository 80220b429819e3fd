// Media and native components. video and audio are HTML media; canvas is a 2d canvas; components a
// browser cannot provide (map, camera, live video, ads, web-view) show a clear, sized placeholder so
// the rest of the program keeps working.
import { flag, mediaSource, remember, shadow, text, type Attributes, type Builtin } from './builtin';

const MEDIA_CSS = ':host{display:block}video,audio{width:100%;height:100%;background:#000}';

function media(tag: 'video' | 'audio'): Builtin {
  return {
    create(element, context) {
      const player = document.createElement(tag);
      shadow(element, MEDIA_CSS).appendChild(player);
      for (const type of ['play', 'pause', 'ended', 'error']) {
        player.addEventListener(type, () => context.fire(element, type, {}));
      }
      player.addEventListener('timeupdate', () => context.fire(element, 'timeupdate', { currentTime: player.currentTime, duration: player.duration }));
    },
    update(element, attributes: Attributes, context) {
      remember(element, attributes);
      const player = element.shadowRoot?.querySelector<HTMLMediaElement>(tag);
      if (!player) {
        return;
      }
      const written = text(attributes['src']);
      const src = mediaSource(element, written, /^(https?:|blob:)/i, context);
      if (src && player.getAttribute('src') !== src) {
        player.src = src;
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
