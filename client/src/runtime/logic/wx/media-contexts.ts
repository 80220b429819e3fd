// wx.createVideoContext(id, component) and the legacy wx.createAudioContext(id, component): they control the <video>
// or <audio> with that id in the current page (or in the component given), through the container.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { instanceOf } from '../framework/instance';
import { partial } from './unsupported';

function mediaContext(kind: 'video' | 'audio', id: unknown, scope: number): Data {
  const send = (op: string, args: Data = {}) => void request('mediaContext', { kind, id: String(id ?? ''), scope, op, ...args });
  const controls: Data = {
    play: () => send('play'),
    pause: () => send('pause'),
    seek: (position: unknown) => send('seek', { position: Number(position) || 0 }),
  };
  if (kind === 'audio') {
    return partial('audioContext', { ...controls, setSrc: (src: unknown) => send('setSrc', { src: String(src ?? '') }) });
  }
  return partial('videoContext', { ...controls, stop: () => send('stop'), playbackRate: (rate: unknown) => send('playbackRate', { rate: Number(rate) || 1 }) });
}

export function mediaContextApis(currentPage: () => number): Data {
  return {
    createVideoContext: (id: unknown, component?: unknown) => mediaContext('video', id, instanceOf(component)?.id ?? currentPage()),
    createAudioContext: (id: unknown, component?: unknown) => mediaContext('audio', id, instanceOf(component)?.id ?? currentPage()),
  };
}
