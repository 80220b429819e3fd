// A page drawing its own navigation bar: sized with the capsule button's rect, which the host floats over the page.
Page({
  data: { rect: null, system: null, window: null, resizes: 0 },

  onLoad() {
    const system = wx.getSystemInfoSync();
    this.setData({ rect: wx.getMenuButtonBoundingClientRect(), system: { statusBarHeight: system.statusBarHeight, screenWidth: system.screenWidth, screenHeight: system.screenHeight, windowHeight: system.windowHeight, safeArea: system.safeArea }, window: wx.getWindowInfo() });
    wx.onWindowResize(() => this.setData({ resizes: this.data.resizes + 1 }));
  },

  onResize() {
    this.setData({ resizes: this.data.resizes + 1 });
  }
});
