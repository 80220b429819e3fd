// The players behind the logic layer's audio contexts (wx.createInnerAudioContext, wx.getBackgroundAudioManager): an
// HTML audio element each, outside the page, playing package files, web addresses and the host's temporary files.
// Each of its events goes back to its context with the player's state.
import type { AudioCommand, AudioEvent, AudioProps, AudioState } from '../bridge/messages';

/** The media events a context hears, by their name in WeChat (onCanplay, onTimeUpdate, …). */
const EVENTS: Readonly<Record<string, string>> = {
  canplay: 'canplay',
  play: 'play',
  pause: 'pause',
  ended: 'ended',
  timeupdate: 'timeUpdate',
  waiting: 'waiting',
  seeking: 'seeking',
  seeked: 'seeked',
};

/** MediaError codes (aborted, network, decode, source not supported) as WeChat's errCode: system, network, format, file. */
const ERROR_CODES: Readonly<Record<number, number>> = { 1: 10001, 2: 10002, 3: 10004, 4: 10003 };

interface Player {
  readonly audio: HTMLAudioElement;
  /** The src the context set, and the load of its URL (package files and temporary files are looked up first). */
  src: string;
  loading: Promise<boolean>;
  startTime: number;
  /** A stop pauses the element; that pause event is not the program's onPause. */
  stopping: boolean;
}

export class AudioPlayers {
  private readonly players = new Map<number, Player>();

  constructor(
    private readonly resolve: (src: string) => Promise<string | undefined>,
    private readonly send: (event: AudioEvent) => void,
  ) {}

  command(message: AudioCommand): void {
    const existing = this.players.get(message.id);
    if (message.op === 'destroy') {
      if (existing) {
        existing.audio.pause();
        existing.audio.removeAttribute('src');
        this.players.delete(message.id);
      }
      return;
    }
    const player = existing ?? this.create(message.id);
    switch (message.op) {
      case 'set':
        this.set(message.id, player, message.props);
        break;
      case 'play':
        void player.loading.then((loaded) => loaded && this.play(message.id, player));
        break;
      case 'pause':
        player.audio.pause();
        break;
      case 'stop':
        player.stopping = !player.audio.paused;
        player.audio.pause();
        player.audio.currentTime = 0;
        this.emit(message.id, player, 'stop');
        break;
      case 'seek':
        void player.loading.then(() => {
          player.audio.currentTime = message.position;
        });
        break;
    }
  }

  /** Stops every player (the program is closing). */
  dispose(): void {
    for (const id of [...this.players.keys()]) {
      this.command({ type: 'audio', id, op: 'destroy' });
    }
  }

  private create(id: number): Player {
    const audio = new Audio();
    audio.preload = 'auto';
    const player: Player = { audio, src: '', loading: Promise.resolve(false), startTime: 0, stopping: false };
    for (const [type, name] of Object.entries(EVENTS)) {
      audio.addEventListener(type, () => {
        if (type === 'pause' && (player.stopping || audio.ended)) {
          // WeChat tells of a stop or the end, not of the pause the element makes on the way.
          player.stopping = false;
          return;
        }
        this.emit(id, player, name);
      });
    }
    audio.addEventListener('error', () => {
      const error = audio.error;
      if (error && audio.getAttribute('src')) {
        this.fail(id, player, ERROR_CODES[error.code] ?? -1, error.message || 'the audio could not be played');
      }
    });
    this.players.set(id, player);
    return player;
  }

  private set(id: number, player: Player, props: AudioProps): void {
    const { audio } = player;
    if (props.loop !== undefined) {
      audio.loop = props.loop;
    }
    if (props.volume !== undefined) {
      audio.volume = Math.min(1, Math.max(0, props.volume));
    }
    if (props.playbackRate !== undefined) {
      audio.playbackRate = Math.min(2, Math.max(0.5, props.playbackRate));
    }
    if (props.autoplay !== undefined) {
      audio.autoplay = props.autoplay;
    }
    if (props.startTime !== undefined) {
      player.startTime = Math.max(0, props.startTime);
    }
    if (props.src !== undefined && props.src !== player.src) {
      const src = props.src;
      player.src = src;
      player.loading = this.resolve(src).then((url) => {
        if (player.src !== src) {
          return false;
        }
        if (url === undefined) {
          audio.removeAttribute('src');
          this.fail(id, player, 10003, `${src} not found`);
          return false;
        }
        audio.src = url;
        audio.currentTime = player.startTime;
        return true;
      });
    }
  }

  private play(id: number, player: Player): void {
    player.audio.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') {
        this.fail(id, player, 10001, 'the browser lets audio play only after the user has tapped the mini program');
      }
    });
  }

  private state(audio: HTMLAudioElement): AudioState {
    const buffered = audio.buffered.length > 0 ? audio.buffered.end(audio.buffered.length - 1) : 0;
    return { duration: Number.isFinite(audio.duration) ? audio.duration : 0, currentTime: audio.currentTime, paused: audio.paused, buffered };
  }

  private emit(id: number, player: Player, name: string): void {
    this.send({ type: 'audio-event', id, name, state: this.state(player.audio) });
  }

  private fail(id: number, player: Player, errCode: number, errMsg: string): void {
    this.send({ type: 'audio-event', id, name: 'error', state: this.state(player.audio), error: { errCode, errMsg } });
  }
}
