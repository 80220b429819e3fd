Page({
  data: { log: [] },
  onLoad() {
    wx.onAppShow((options) => this.add(`wx.onAppShow ${options.scene}`));
    wx.onAppHide(() => this.add('wx.onAppHide'));
  },
  onShow() {
    this.add(`page.onShow ${wx.getEnterOptionsSync().scene}`);
  },
  onHide() {
    this.add('page.onHide');
  },
  add(entry) {
    this.data.log.push(entry);
    this.setData({ log: this.data.log });
  }
});
