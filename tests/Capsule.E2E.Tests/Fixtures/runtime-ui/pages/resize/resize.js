const text = (size) => `${size.windowWidth}x${size.windowHeight}`;

Page({
  data: { onResize: '', listener: '', info: '' },
  onLoad() {
    this.heard = (result) => this.setData({ listener: text(result.size) });
    wx.onWindowResize(this.heard);
  },
  onUnload() {
    wx.offWindowResize(this.heard);
  },
  onResize(result) {
    this.setData({ onResize: `${text(result.size)} ${result.deviceOrientation}`, info: text(wx.getSystemInfoSync()) });
  }
});
