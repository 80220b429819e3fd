Page({
  data: { refreshed: 0 },
  onPullDownRefresh() {
    this.setData({ refreshed: this.data.refreshed + 1 });
    wx.stopPullDownRefresh();
  }
});
