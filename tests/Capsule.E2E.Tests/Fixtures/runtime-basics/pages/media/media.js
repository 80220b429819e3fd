Page({
  loaded(event) {
    this.setData({ width: event.detail.width, height: event.detail.height });
  },
  failed(event) {
    this.setData({ error: event.detail.errMsg });
  }
});
