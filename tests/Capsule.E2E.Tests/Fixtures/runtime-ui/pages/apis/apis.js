Page({
  onLoad() {
    this.setData({ apis: Object.keys(wx) });
  }
});
