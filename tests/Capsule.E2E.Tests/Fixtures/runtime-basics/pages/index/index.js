Page({
  data: { count: 0, title: 'Card', picked: '', name: '', items: [{ id: 1, label: 'a' }] },
  increment(event) {
    const count = this.data.count + event.currentTarget.dataset.step;
    this.setData({ count, 'items[0].label': 'a' + count, 'items[1]': { id: 2, label: 'b' } });
    wx.setStorageSync('count', this.data.count);
  },
  outerTap(event) {
    this.setData({ outer: event.target.id, mark: event.mark.source || '' });
  },
  innerTap() {
    this.setData({ inner: true });
  },
  openDetail() {
    wx.navigateTo({
      url: '/pages/detail/detail?id=7',
      events: { opened: (id) => this.setData({ opened: id }) },
      success: (result) => result.eventChannel.emit('greet', 'hi')
    });
  },
  onPick(event) {
    this.setData({ picked: 'picked ' + event.detail.times });
  }
});
