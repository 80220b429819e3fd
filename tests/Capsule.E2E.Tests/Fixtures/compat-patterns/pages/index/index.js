// Patterns seen in real programs, one handler each.
Page({
  data: { failed: '', hides: 0, customBar: 0 },

  onLoad() {
    this.setData({ customBar: getApp().globalData.CustomBar });
  },

  onHide() {
    this.setData({ hides: this.data.hides + 1 });
  },

  // A Promise library announcing an unhandled rejection the way Bluebird does on a browser-like global:
  // a CustomEvent dispatched synchronously, before the real rejection below is reported.
  lookAlikeRejection() {
    self.dispatchEvent(new CustomEvent('unhandledrejection', { detail: { reason: new Error('look-alike') } }));
    Promise.reject(new Error('real rejection'));
  },

  openBroken() {
    wx.navigateTo({ url: '/pages/broken/broken', fail: (res) => this.setData({ failed: res.errMsg }) });
  },

  // Promise style with nothing to catch the failure.
  openBrokenUncaught() {
    wx.navigateTo({ url: '/pages/broken/broken' });
  }
});
