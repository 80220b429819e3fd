// Pull-down refresh for pages whose config sets enablePullDownRefresh: dragging the page down from its
// top (by touch or mouse) past the threshold shows the refresh indicator and calls onPullDownRefresh;
// wx.stopPullDownRefresh puts it away.
const THRESHOLD_PX = 50;

export class PullDown {
  private readonly indicator = document.createElement('div');

  constructor(
    private readonly page: HTMLElement,
    private readonly refresh: () => void,
  ) {
    this.indicator.className = 'capsule-pull-down';
    this.indicator.setAttribute('role', 'progressbar');
    this.indicator.hidden = true;
    page.shadowRoot?.prepend(this.indicator);
    let start: number | undefined;
    page.addEventListener('pointerdown', (event) => {
      start = page.scrollTop === 0 ? event.clientY : undefined;
    });
    page.addEventListener('pointermove', (event) => {
      if (start !== undefined && event.clientY - start > 0 && this.indicator.hidden) {
        page.style.transform = `translateY(${Math.min(event.clientY - start, THRESHOLD_PX * 1.5) / 2}px)`;
      }
    });
    const end = (event: PointerEvent) => {
      page.style.transform = '';
      if (start !== undefined && event.clientY - start > THRESHOLD_PX) {
        this.start();
      }
      start = undefined;
    };
    page.addEventListener('pointerup', end);
    page.addEventListener('pointercancel', () => {
      page.style.transform = '';
      start = undefined;
    });
  }

  start(): void {
    if (this.indicator.hidden) {
      this.indicator.hidden = false;
      this.page.scrollTop = 0;
      this.refresh();
    }
  }

  stop(): void {
    this.indicator.hidden = true;
  }
}
