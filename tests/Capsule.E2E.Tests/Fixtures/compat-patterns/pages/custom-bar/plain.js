// A page under the host's navigation bar, opened from one that draws its own.
Page({
  data: { windowHeight: 0, screenHeight: 0 },

  onLoad() {
    const { windowHeight, screenHeight } = wx.getSystemInfoSync();
    this.setData({ windowHeight, screenHeight });
  }
});
