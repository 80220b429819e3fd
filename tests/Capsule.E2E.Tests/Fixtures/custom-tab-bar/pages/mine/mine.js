Page({
  data: { hasTabBar: false },
  onShow() {
    if (typeof this.getTabBar === 'function' && this.getTabBar()) {
      this.getTabBar().setData({ selected: 1 });
      this.setData({ hasTabBar: true });
    }
  },
  openDetail() {
    wx.navigateTo({ url: '/pages/detail/detail' });
  }
});
