Page({
  data: { submitted: null, resets: 0 },
  onSubmit(e) {
    this.setData({ submitted: e.detail.value });
  },
  onReset() {
    this.setData({ resets: this.data.resets + 1 });
  },
  upper(e) {
    return e.detail.value.toUpperCase();
  },
  limit(e) {
    return { value: e.detail.value.slice(0, 3), cursor: 1 };
  }
});
