// wx.createInnerAudioContext and wx.getBackgroundAudioManager: audio contexts whose player (an HTML audio element)
// lives in the container, since a Worker cannot play sound. Setting a property or calling a method is a message to
// the player; its events come back with its state, which the context's read-only properties then report.
import type { AudioEvent, AudioProps, AudioState, Data } from '../../bridge/messages';
import { post } from '../channel';
import { guard } from '../errors';
import { legacyBackgroundAudioApis } from './background-audio';

/** The events a context takes listeners for, as in on<Name> / off<Name>. */
const EVENTS = ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Waiting', 'Seeking', 'Seeked'];
const BACKGROUND_EVENTS = [...EVENTS, 'Next', 'Prev'];

/** The properties a program sets, with their defaults; those the player needs are sent to it. */
const PLAYER_PROPS: Readonly<Record<keyof AudioProps, unknown>> = { src: '', startTime: 0, autoplay: false, loop: false, volume: 1, playbackRate: 1 };
const OTHER_PROPS: Readonly<Record<string, unknown>> = { obeyMuteSwitch: true, referrerPolicy: 'origin' };
const BACKGROUND_PROPS: Readonly<Record<string, unknown>> = { title: '', epname: '', singer: '', coverImgUrl: '', webUrl: '', protocol: 'http' };

type Listener = (result?: unknown) => void;

const contexts = new Map<number, (event: AudioEvent) => void>();
/** What pauses each context's player if it is playing (the program going to the background). */
const pausers = new Map<number, () => void>();
let nextId = 1;

function audioContext(background: boolean): Data {
  const id = nextId++;
  const props: Data = { ...PLAYER_PROPS, ...OTHER_PROPS, ...(background ? BACKGROUND_PROPS : {}) };
  let state: AudioState = { duration: 0, currentTime: 0, paused: true, buffered: 0 };
  const listeners = new Map<string, Listener[]>();
  const command = (op: 'play' | 'pause' | 'stop' | 'destroy') => post({ type: 'audio', id, op });
  const context: Data = {
    play: () => command('play'),
    pause: () => command('pause'),
    stop: () => command('stop'),
    seek: (position: unknown) => post({ type: 'audio', id, op: 'seek', position: Math.max(0, Number(position) || 0) }),
  };
  if (!background) {
    context['destroy'] = () => {
      command('destroy');
      contexts.delete(id);
      pausers.delete(id);
      listeners.clear();
    };
  }
  for (const name of Object.keys(props)) {
    Object.defineProperty(context, name, {
      enumerable: true,
      get: () => props[name],
      set: (value: unknown) => {
        props[name] = value;
        if (name in PLAYER_PROPS) {
          post({ type: 'audio', id, op: 'set', props: { [name]: name === 'src' ? String(value ?? '') : name === 'autoplay' || name === 'loop' ? Boolean(value) : Number(value) } });
          // A background audio manager plays as soon as it is given something to play, as in WeChat.
          if (background && name === 'src' && value) {
            command('play');
          }
        }
      },
    });
  }
  for (const name of ['duration', 'currentTime', 'paused', 'buffered'] as const) {
    Object.defineProperty(context, name, { enumerable: true, get: () => state[name] });
  }
  for (const event of background ? BACKGROUND_EVENTS : EVENTS) {
    context[`on${event}`] = (listener: unknown) => {
      if (typeof listener === 'function') {
        listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener]);
      }
    };
    context[`off${event}`] = (listener?: unknown) => {
      listeners.set(event, typeof listener === 'function' ? (listeners.get(event) ?? []).filter((l) => l !== listener) : []);
    };
  }
  pausers.set(id, () => {
    if (!state.paused) {
      command('pause');
    }
  });
  contexts.set(id, (event) => {
    state = event.state;
    const name = event.name.charAt(0).toUpperCase() + event.name.slice(1);
    for (const listener of listeners.get(name) ?? []) {
      guard(() => listener(event.error));
    }
  });
  return context;
}

let backgroundManager: Data | undefined;

export function audioApis(): Data {
  const manager = () => (backgroundManager ??= audioContext(true));
  return {
    createInnerAudioContext: () => audioContext(false),
    getBackgroundAudioManager: manager,
    ...legacyBackgroundAudioApis(manager),
  };
}

/** An event of one of the players, for its context. */
export function audioEvent(event: AudioEvent): void {
  contexts.get(event.id)?.(event);
}

/**
 * The program went to the background: its audio pauses, as in WeChat, unless app.json's requiredBackgroundModes has
 * "audio". Coming back does not resume it.
 */
export function audioToBackground(app: Data): void {
  const modes = app['requiredBackgroundModes'];
  if (!(Array.isArray(modes) && modes.includes('audio'))) {
    pausers.forEach((pause) => pause());
  }
}
