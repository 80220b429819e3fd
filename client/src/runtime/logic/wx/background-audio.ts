// The background audio API of WeChat's first releases (wx.playBackgroundAudio, pauseBackgroundAudio,
// seekBackgroundAudio, stopBackgroundAudio, getBackgroundAudioPlayerState, onBackgroundAudioPlay/Pause/Stop), still
// found in older music programs: the same one background player as wx.getBackgroundAudioManager.
import type { Data } from '../../bridge/messages';
import { asyncApi } from './callback-style';

export function legacyBackgroundAudioApis(manager: () => Data): Data {
  const call = (method: string, ...args: unknown[]) => (manager()[method] as (...a: unknown[]) => void)(...args);
  const listen = (event: string) => (listener: unknown) => call(`on${event}`, listener);
  return {
    playBackgroundAudio: asyncApi('playBackgroundAudio', (o) => {
      const player = manager();
      player['title'] = String(o['title'] ?? '');
      player['coverImgUrl'] = String(o['coverImgUrl'] ?? '');
      player['src'] = String(o['dataUrl'] ?? '');
    }),
    pauseBackgroundAudio: asyncApi('pauseBackgroundAudio', () => call('pause')),
    stopBackgroundAudio: asyncApi('stopBackgroundAudio', () => call('stop')),
    seekBackgroundAudio: asyncApi('seekBackgroundAudio', (o) => call('seek', o['position'])),
    getBackgroundAudioPlayerState: asyncApi('getBackgroundAudioPlayerState', () => {
      const player = manager();
      const src = String(player['src'] ?? '');
      return {
        duration: player['duration'],
        currentPosition: player['currentTime'],
        // 0 paused, 1 playing, 2 nothing to play.
        status: src === '' ? 2 : player['paused'] ? 0 : 1,
        downloadPercent: 100,
        dataUrl: src,
      };
    }),
    onBackgroundAudioPlay: listen('Play'),
    onBackgroundAudioPause: listen('Pause'),
    onBackgroundAudioStop: (listener: unknown) => {
      call('onStop', listener);
      call('onEnded', listener);
    },
  };
}
