Page({
  data: { after: '' },
  boom() {
    throw new Error('kaboom');
  },
  onShow() {
    this.setData({ after: 'shown' });
  }
});
