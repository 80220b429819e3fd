Page({
  data: { message: '' },
  onLoad() {
    this.setData({ message: 'from a subpackage' });
  }
});
