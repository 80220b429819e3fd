Page({
  data: { stored: '' },
  onShow() {
    this.setData({ stored: wx.getStorageSync('count') });
  }
});
