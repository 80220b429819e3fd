// What wx.createVideoContext and the legacy wx.createAudioContext ask of a <video> or <audio> in a page's or
// component's own tree (found by its id): play, pause, seek, stop, the playback rate, and a new src for audio.
import type { Data } from '../bridge/messages';
import type { ViewInstance } from '../view/instance';

function playerIn(instance: ViewInstance | undefined, kind: string, id: string): HTMLMediaElement | undefined {
  for (const element of Array.from(instance?.root.querySelectorAll<HTMLElement>(`wx-${kind}`) ?? [])) {
    if (element.id === id) {
      return element.shadowRoot?.querySelector<HTMLMediaElement>(kind) ?? undefined;
    }
  }
  return undefined;
}

export async function controlMedia(instance: ViewInstance | undefined, args: Data, resolve: (src: string) => Promise<string | undefined>): Promise<void> {
  const kind = args['kind'] === 'audio' ? 'audio' : 'video';
  const player = playerIn(instance, kind, String(args['id'] ?? ''));
  if (!player) {
    throw new Error(`no <${kind}> with id "${String(args['id'] ?? '')}"`);
  }
  switch (args['op']) {
    case 'play':
      await player.play().catch(() => undefined);
      break;
    case 'pause':
      player.pause();
      break;
    case 'stop':
      player.pause();
      player.currentTime = 0;
      break;
    case 'seek':
      player.currentTime = Math.max(0, Number(args['position']) || 0);
      break;
    case 'playbackRate':
      player.playbackRate = Math.min(2, Math.max(0.5, Number(args['rate']) || 1));
      break;
    case 'setSrc': {
      const url = await resolve(String(args['src'] ?? ''));
      if (url === undefined) {
        throw new Error(`${String(args['src'] ?? '')} not found`);
      }
      player.src = url;
      break;
    }
  }
}
