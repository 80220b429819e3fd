// The messages that cross the runtime's boundaries. The host (the shell or the simulator) and the
// container talk through postMessage across the sandboxed iframe; the container and the logic Worker
// talk through the Worker's message port. Every receiver checks who sent a message before acting on it.
import type { BundleManifest } from './manifest';

/** The virtual DOM produced by a compiled render function, in wcc's shape. */
export type VNode = string | VElement;

export interface VElement {
  tag: string;
  attr?: Record<string, unknown>;
  children?: VNode[];
  generics?: Record<string, string>;
  rawAttr?: Record<string, string>;
  /** Set (non-enumerable) by the render function on a keyed `wx:for` item's elements. */
  key?: string;
}

export type Data = Record<string, unknown>;

/** What a program sees of the device: wx.getSystemInfoSync and wx.getWindowInfo are built from it. */
export interface SystemInfo {
  /** The area the program is shown in, its navigation bar included (the page's window is that less the bar, unless it draws its own). */
  screenWidth: number;
  screenHeight: number;
  /** The height of the host's navigation bar over a page that does not draw its own. */
  navigationBarHeight: number;
  pixelRatio: number;
  language: string;
  theme: 'light' | 'dark';
  /** The capsule button's rect in the program's area, for wx.getMenuButtonBoundingClientRect. */
  menuButton: ClientRect;
}

/** A box in CSS pixels, as getBoundingClientRect gives it. */
export interface ClientRect {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** How a program kept alive in the background was opened again: the page it shows is the rest of its enter options. */
export interface EnterScene {
  scene: number;
  shareTicket?: string;
}

/** How the program was opened: wx.getLaunchOptionsSync and App.onLaunch receive it. */
export interface LaunchOptions {
  path: string;
  query: Record<string, string>;
  scene: number;
  shareTicket?: string;
}

/** What a page's onShareAppMessage gave for a share card; the host fills in defaults for what is missing. */
export interface ShareContent {
  title?: string;
  /** The page path (with query) the card opens; the current page when the program gives none. */
  path: string;
  /** As the program wrote it: a bundle path or a URL; the host decides what may be shown. */
  imageUrl?: string;
}

export type ShareSource = 'menu' | 'button';

/** A package's code as text: the main package, or a subpackage fetched on first navigation into it. */
export interface PackageCode {
  root: string;
  view: string;
  logic: string;
  styles: Record<string, string>;
}

/** Sent by the host once the container says it is ready. */
export interface LaunchMessage {
  type: 'launch';
  appId: string;
  manifest: BundleManifest;
  /** Where the bundle's files are served (the program's images among them), ending with "/". */
  assetBase: string;
  main: PackageCode;
  options: LaunchOptions;
  system: SystemInfo;
  storage: Record<string, string>;
  /** The program's files (wx.env.USER_DATA_PATH and saved files) for this user, by path. */
  files: Record<string, StoredFile>;
  /** Set by the simulator: the container then reports the current page's route and data after each render. */
  automation: boolean;
}

/** A file or directory of a program's own (under wx.env.USER_DATA_PATH, or saved with saveFile): its bytes, or null for a directory. */
export interface StoredFile {
  data: ArrayBuffer | null;
  /** When it was last written, in seconds since 1970 (as WeChat's Stats give it). */
  mtime: number;
}

/** A program's file written (or a directory made), or removed (`file` null): kept by the host for this program and user. */
export interface FileChange {
  type: 'file';
  path: string;
  file: StoredFile | null;
}

/** Something that happened to one of the program's sockets, told by the host and passed on to the logic layer. */
export interface SocketEvent {
  type: 'socket';
  socketId: number;
  event: 'open' | 'message' | 'error' | 'close';
  /** What the SocketTask listener receives: `{header}`, `{data}` (a string or an ArrayBuffer), `{errMsg}` or `{code, reason}`. */
  detail: Data;
}

export type HostToContainer =
  | LaunchMessage
  /** From a host that found the container already in its page: the container says container-ready (again) if it runs nothing yet. */
  | { type: 'connect' }
  | SocketEvent
  | { type: 'package'; callId: number; code?: PackageCode; error?: string }
  | { type: 'api-result'; callId: number; ok: boolean; result?: unknown; errMsg?: string }
  | { type: 'back' }
  /** The user left the program without closing it (WeChat's 切后台), or came back to it (热启动) from where `enter` says. */
  | { type: 'background' }
  | { type: 'foreground'; enter: EnterScene }
  | { type: 'share'; callId: number; from: ShareSource }
  | { type: 'automation'; callId: number; action: AutomationAction };

/** What the simulator's window.capsule asks of a running program. */
export type AutomationAction =
  | { kind: 'tap'; selector: string }
  | { kind: 'navigate'; mode: NavigationMode; url: string }
  | { kind: 'state' };

/** What the host draws above the container for the current page. */
export interface NavigationBar {
  title: string;
  backgroundColor: string;
  frontColor: 'white' | 'black';
  loading: boolean;
  canGoBack: boolean;
  custom: boolean;
}

export type ContainerToHost =
  | { type: 'container-ready' }
  | { type: 'page-ready'; route: string; pageId: number }
  | { type: 'navigation-bar'; bar: NavigationBar }
  | { type: 'need-package'; callId: number; root: string }
  | { type: 'api'; callId: number; name: string; args: Data }
  | { type: 'storage'; key: string; value: string | null }
  | { type: 'storage-clear' }
  | FileChange
  | { type: 'program-error'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'exit' }
  | { type: 'page-state'; route: string; data: Data }
  | { type: 'page-state'; route: string; patches: Data[] }
  | { type: 'share-content'; callId: number; content: ShareContent }
  | { type: 'automation-result'; callId: number; ok: boolean; result?: unknown; error?: string };

/** What the view needs to know of a component that only its JavaScript declares. */
export interface ComponentOptions {
  externalClasses: string[];
  /** isolated, apply-shared or shared (addGlobalClass counts as apply-shared). */
  styleIsolation: string;
  /** The built-in form behaviours it has: wx://form-field, wx://form-field-group, wx://form-field-button. */
  form: FormBehaviors;
  /** options.virtualHost: its host element takes no box of its own; its template's nodes are laid out as the parent's children. */
  virtualHost: boolean;
}

export interface FormBehaviors {
  /** Its `name` and `value` take part in the enclosing form's submit and reset. */
  field: boolean;
  /** The form controls in its own template belong to the enclosing form. */
  group: boolean;
  /** The buttons in its own template submit or reset the enclosing form. */
  button: boolean;
}

/** One node of a component tree as the logic layer knows it, for selectComponent and relations. */
export interface HostNode {
  id: string;
  classes: string[];
  dataset: Data;
  /** The host element's event attributes (bindchange, bind:pick, catch:pick, …) and their handler names. */
  bindings: Record<string, string>;
}

export type ContainerToLogic =
  | { type: 'launch'; logic: string; manifest: BundleManifest; options: LaunchOptions; system: SystemInfo; storage: Record<string, string>; files: Record<string, StoredFile> }
  | { type: 'package-loaded'; callId: number; logic?: string; error?: string }
  | { type: 'attach'; id: number; path: string; pageId: number; ownerId: number; props: Data; node: HostNode }
  | { type: 'props'; id: number; props: Data; node: HostNode }
  | { type: 'detach'; id: number }
  /** `field` names the input or textarea that raised an input event, for the handler's returned value. */
  | { type: 'event'; instance: number; handler: string; event: Data; field?: number }
  | { type: 'model'; instance: number; path: string; value: unknown }
  | { type: 'rendered'; ids: number[]; callbacks: number[] }
  /** New components and the component hosts around them in the composed tree, nearest first (for relations). */
  | { type: 'placed'; items: { id: number; ancestors: number[] }[] }
  | { type: 'intersection'; observer: number; result: Data }
  | { type: 'page-ready'; pageId: number }
  | { type: 'page-event'; pageId: number; name: string; arg?: Data }
  | { type: 'resize'; screenWidth: number; screenHeight: number }
  | { type: 'background' }
  | { type: 'foreground'; enter: EnterScene }
  | { type: 'api-result'; callId: number; ok: boolean; result?: unknown; errMsg?: string }
  | { type: 'navigate'; callId: number; mode: NavigationMode; url: string; delta?: number }
  | { type: 'share'; callId: number; from: ShareSource }
  | SocketEvent
  | AudioEvent
  | { type: 'ping'; seq: number };

export type NavigationMode = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

/** A new page root is opened, or a kept one (a tab page) shown again; the view mirrors the logic layer's stack. */
export type PageOperation = 'open' | 'show';

export type LogicToContainer =
  | { type: 'page'; op: PageOperation; pageId: number; route: string; data: Data; remove: number[]; config: Data }
  | { type: 'data'; id: number; patch: Data; callback?: number; init?: boolean; options?: ComponentOptions }
  /** A bindinput handler returned a value: it replaces what the field shows. */
  | { type: 'field-value'; field: number; value: string; cursor?: number }
  | { type: 'trigger'; id: number; name: string; detail: unknown; bubbles: boolean; composed: boolean; capturePhase: boolean }
  | { type: 'api'; callId: number; name: string; args: Data }
  | { type: 'navigate-result'; callId: number; ok: boolean; errMsg: string; route?: string }
  | { type: 'need-package'; callId: number; root: string }
  | { type: 'storage'; key: string; value: string | null }
  | { type: 'storage-clear' }
  | FileChange
  | { type: 'error'; message: string }
  | { type: 'launch-failed'; message: string }
  | { type: 'share-content'; callId: number; content: ShareContent }
  | AudioCommand
  | { type: 'pong'; seq: number };

/** What the logic layer's audio contexts (wx.createInnerAudioContext, the background audio manager) ask of their player. */
export type AudioCommand =
  | { type: 'audio'; id: number; op: 'set'; props: AudioProps }
  | { type: 'audio'; id: number; op: 'play' | 'pause' | 'stop' | 'destroy' }
  | { type: 'audio'; id: number; op: 'seek'; position: number };

export interface AudioProps {
  src?: string;
  startTime?: number;
  autoplay?: boolean;
  loop?: boolean;
  volume?: number;
  playbackRate?: number;
}

/** The player's state, sent with each of its events. */
export interface AudioState {
  duration: number;
  currentTime: number;
  paused: boolean;
  buffered: number;
}

/** An event of an audio context's player (canplay, play, pause, stop, ended, timeUpdate, error, waiting, seeking, seeked). */
export interface AudioEvent {
  type: 'audio-event';
  id: number;
  name: string;
  state: AudioState;
  error?: { errMsg: string; errCode: number };
}
