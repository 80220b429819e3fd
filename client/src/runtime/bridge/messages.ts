// The messages that cross the runtime's boundaries. The shell and the container talk through
// postMessage across the sandboxed iframe; the container and the logic Worker talk through the
// Worker's message port. Every receiver checks who sent a message before acting on it.

/** The virtual DOM produced by a compiled render function, in wcc's shape. */
export type VNode = string | VElement;

export interface VElement {
  tag: string;
  attr?: Record<string, unknown>;
  children?: VNode[];
}

export type PageData = Record<string, unknown>;

/** What the container needs to run one program, sent by the shell once the container is ready. */
export interface LaunchMessage {
  type: 'launch';
  appId: string;
  view: string;
  logic: string;
  styles: string[];
  route: string;
  query: Record<string, string>;
}

export type ShellToContainer = LaunchMessage;

export type ContainerToShell =
  | { type: 'container-ready' }
  | { type: 'page-ready'; route: string }
  | { type: 'error'; message: string };

export type ContainerToLogic =
  | { type: 'load'; logic: string; route: string; query: Record<string, string> }
  | { type: 'rendered'; route: string };

export type LogicToContainer =
  | { type: 'render'; route: string; data: PageData }
  | { type: 'error'; message: string };
