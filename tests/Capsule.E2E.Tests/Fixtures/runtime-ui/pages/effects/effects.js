Page({
  data: { ratio: -1, changes: 0, motion: null, pixel: '', canvasWidth: 0, canIUse: '' },
  onReady() {
    this.observer = wx.createIntersectionObserver(this);
    this.observer.relativeToViewport({ bottom: 0 }).observe('.target', (res) => {
      this.setData({ ratio: res.intersectionRatio, changes: this.data.changes + 1, targetId: res.id });
    });
    this.createSelectorQuery().select('#c').fields({ node: true, size: true }).exec((res) => {
      const canvas = res[0].node;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = 'rgb(0, 128, 255)';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      this.setData({ pixel: Array.from(ctx.getImageData(5, 5, 1, 1).data).join(','), canvasWidth: res[0].width });
    });
    this.setData({
      canIUse: [wx.canIUse('createAnimation'), wx.canIUse('createIntersectionObserver'), wx.canIUse('openBluetoothAdapter')].join(',')
    });
  },
  onUnload() {
    this.observer.disconnect();
  },
  scrollDown() {
    wx.pageScrollTo({ scrollTop: 5000, duration: 0 });
  },
  move() {
    const animation = wx.createAnimation({ duration: 50, timingFunction: 'ease' });
    animation.opacity(0.5).translateX(40).step().rotate(90).step({ duration: 30 });
    this.setData({ motion: animation.export() });
  }
});
