Page({
  data: { net: 'trying' },
  onLoad() {
    fetch('/dev/version').then(
      () => this.setData({ net: 'reached' }),
      () => this.setData({ net: 'blocked' })
    );
  }
});
