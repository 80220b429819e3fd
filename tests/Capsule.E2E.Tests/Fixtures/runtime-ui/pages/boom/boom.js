Page({
  data: { reported: '' },
  boom() {
    const value = null;
    return value.length;
  },
  show() {
    this.setData({ reported: getApp().lastError || '' });
  }
});
