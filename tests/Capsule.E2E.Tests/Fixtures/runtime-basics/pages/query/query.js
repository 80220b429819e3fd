Page({
  onLoad() {
    wx.setBackgroundColor({ backgroundColor: '#ff0000' });
  },
  onReady() {
    wx.createSelectorQuery()
      .select('#box')
      .boundingClientRect()
      .selectViewport()
      .scrollOffset()
      .exec(([box, viewport]) => {
        this.setData({ width: box.width, height: box.height, kind: box.dataset.kind, scrollTop: viewport.scrollTop, half: wx.getSystemInfoSync().windowWidth / 2 });
      });
  }
});
