Page({
  data: { scrollError: '' },
  toTarget() {
    wx.pageScrollTo({ selector: '#t', offsetTop: -10, duration: 0 });
    wx.pageScrollTo({ selector: '#nowhere', fail: (err) => this.setData({ scrollError: err.errMsg }) });
  }
});
