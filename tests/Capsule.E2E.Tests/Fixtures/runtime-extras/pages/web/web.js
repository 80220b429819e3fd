Page({
  data: { error: '' },
  onError(e) {
    this.setData({ error: e.detail.errMsg });
  }
});
