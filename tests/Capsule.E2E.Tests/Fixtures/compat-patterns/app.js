// ColorUI's app.js: the height of its custom navigation bar, from the capsule button's rect, in wx.getSystemInfo's
// success, which its cu-custom component reads as its module is evaluated, on the first page already.
App({
  onLaunch() {
    wx.getSystemInfo({
      success: (system) => {
        const capsule = wx.getMenuButtonBoundingClientRect();
        this.globalData.StatusBar = system.statusBarHeight;
        this.globalData.CustomBar = capsule.bottom + capsule.top - system.statusBarHeight;
      }
    });
  },
  globalData: {}
});
