// A container iframe (sandbox="allow-scripts": an opaque origin, its CSP without network) loaded before
// the program it will run is known: its document, runtime and logic Worker start while the host is
// still fetching the manifest and the bundle, so opening a program only waits for its own code. Each
// frame runs one program; moving an iframe reloads it, so it is made in the place it will be shown (or
// written in the page's HTML, to load with the page itself, and adopted).
import type { ContainerToHost, HostToContainer } from '../runtime/bridge/messages';

export class ContainerFrame {
  readonly element: HTMLIFrameElement;
  /** Settles when the container's runtime has loaded and waits for its program. */
  readonly ready: Promise<void>;

  constructor(adopted?: HTMLIFrameElement) {
    if (adopted && (adopted.getAttribute('sandbox') !== 'allow-scripts' || new URL(adopted.src, location.href).pathname !== '/container.html')) {
      throw new Error('a container iframe must load /container.html with sandbox="allow-scripts"');
    }
    this.element = adopted ?? document.createElement('iframe');
    this.ready = new Promise<void>((resolve) => {
      const listener = (event: MessageEvent<ContainerToHost>) => {
        if (event.source === this.element.contentWindow && event.data?.type === 'container-ready') {
          window.removeEventListener('message', listener);
          resolve();
        }
      };
      window.addEventListener('message', listener);
    });
    if (adopted) {
      // It may have said it was ready before this page's script listened: it says so again when asked.
      adopted.contentWindow?.postMessage({ type: 'connect' } satisfies HostToContainer, '*');
      return;
    }
    this.element.setAttribute('sandbox', 'allow-scripts');
    this.element.title = 'Mini program';
    this.element.src = '/container.html';
  }
}

/**
 * Takes a stopped program's container (or the element holding it) out of sight and out of the page's selectors now,
 * and out of the document a second later, once the browser is idle. Unloading a container whose page is big costs its
 * process several milliseconds, and the next program's container, a frame of the same site, shares that process: done
 * at once, the unload would delay the next program's first page. Its size is kept, so that its document is not laid
 * out again either. The stopped program can no longer reach its host.
 */
export function retire(element: HTMLElement): void {
  const frames = element instanceof HTMLIFrameElement ? [element] : Array.from(element.querySelectorAll('iframe'));
  for (const frame of frames) {
    const { boxSizing, width, height, border, padding } = getComputedStyle(frame);
    Object.assign(frame.style, { boxSizing, width, height, border, padding });
  }
  element.removeAttribute('class');
  Object.assign(element.style, { position: 'fixed', left: '-200vw', top: '0', visibility: 'hidden', pointerEvents: 'none' });
  aSecondLaterWhenIdle(() => element.remove());
}

/** Runs `work` a second from now, once the browser is idle (within another second at most). */
function aSecondLaterWhenIdle(work: () => void): void {
  setTimeout(() => requestIdleCallback(work, { timeout: 1000 }), 1000);
}

/**
 * Loads the next container ahead (`prepare`) a second from now, once the browser is idle: after a program's first page
 * is ready, and in the shell once it has started (WeChat too loads its runtime before a program is opened). The new
 * frame shares the renderer process of a container showing a page, and starting a document there makes that process
 * restyle and lay out its other documents again (some 35 ms for a page of 1,000 rows): done at once, it would fall on
 * the new page's first frame.
 */
export function loadAheadWhenIdle(prepare: () => void): void {
  aSecondLaterWhenIdle(prepare);
}
