// In automation the host keeps a copy of the current page's route and data (the simulator's capsule.route() and
// capsule.data()). The whole data crosses once, when a page becomes current; after that only the setData patches
// the page received, so a one-row update of a long list does not copy the list to the host every render.
import type { ContainerToHost, Data } from '../bridge/messages';

export class PageState {
  private sentFor: number | undefined;
  private patches: Data[] = [];

  /** A data message the view applied: kept when it is for the page whose data the host has. */
  applied(pageId: number, patch: Data, init: boolean): void {
    if (pageId !== this.sentFor) {
      return;
    }
    if (init) {
      this.sentFor = undefined;
    } else {
      this.patches.push(patch);
    }
  }

  /** What to tell the host about the current page now, if anything changed since the last report. */
  report(pageId: number, route: string, data: Data): Extract<ContainerToHost, { type: 'page-state' }> | undefined {
    if (pageId !== this.sentFor) {
      this.sentFor = pageId;
      this.patches = [];
      return { type: 'page-state', route, data };
    }
    if (this.patches.length === 0) {
      return undefined;
    }
    return { type: 'page-state', route, patches: this.patches.splice(0) };
  }
}
