Page({
  data: { failed: false },
  failed() {
    this.setData({ failed: true });
  },
});
