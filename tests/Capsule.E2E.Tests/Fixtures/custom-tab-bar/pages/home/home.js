Page({
  data: { hasTabBar: false },
  onShow() {
    if (typeof this.getTabBar === 'function' && this.getTabBar()) {
      this.getTabBar().setData({ selected: 0 });
      this.setData({ hasTabBar: true });
    }
  },
  hideBar() {
    wx.hideTabBar({ success: () => this.setData({ hidden: true }) });
  },
  openDetail() {
    wx.navigateTo({ url: '/pages/detail/detail' });
  }
});
