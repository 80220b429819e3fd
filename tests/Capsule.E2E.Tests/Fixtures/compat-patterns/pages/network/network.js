// The chat list of a WeChat look-alike loads its users with the browser's fetch, which WeChat does not have.
Page({
  data: { kinds: '', outcome: 'none' },
  onLoad() {
    this.setData({ kinds: [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource].join(' ') });
  },
  load() {
    fetch('/dev/version').then(
      () => this.setData({ outcome: 'reached' }),
      () => this.setData({ outcome: 'failed' })
    );
  }
});
