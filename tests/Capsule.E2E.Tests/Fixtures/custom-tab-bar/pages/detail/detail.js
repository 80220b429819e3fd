Page({
  data: { tabBar: 'unset' },
  onShow() {
    this.setData({ tabBar: String(this.getTabBar()) });
  }
});
