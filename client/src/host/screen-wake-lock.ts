// wx.setKeepScreenOn: the Screen Wake Lock API keeps the screen on while the program is shown. The browser lets a
// lock go when the page is hidden, so it is taken again when the page is shown, for as long as the program wants it.
export class ScreenWakeLock {
  private wanted = false;
  private lock: WakeLockSentinel | undefined;
  private shown = true;
  private readonly onVisibility = () => {
    if (this.wanted && this.shown && document.visibilityState === 'visible') {
      void this.acquire().catch(() => undefined);
    }
  };

  constructor() {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  async set(keepScreenOn: boolean): Promise<void> {
    this.wanted = keepScreenOn;
    if (keepScreenOn) {
      await this.acquire();
    } else {
      await this.release();
    }
  }

  /** The program went to the background (the lock is let go) or came back (taken again if the program still wants it). */
  shownChanged(shown: boolean): void {
    this.shown = shown;
    void (shown && this.wanted ? this.acquire() : this.release()).catch(() => undefined);
  }

  /** The program stopped. */
  dispose(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.wanted = false;
    void this.release();
  }

  private async acquire(): Promise<void> {
    if (!('wakeLock' in navigator)) {
      throw new Error('this browser cannot keep the screen on');
    }
    if (!this.lock || this.lock.released) {
      this.lock = await navigator.wakeLock.request('screen');
    }
  }

  private async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    await lock?.release();
  }

}
