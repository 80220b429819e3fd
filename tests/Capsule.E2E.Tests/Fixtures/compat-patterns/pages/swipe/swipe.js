Page({
  data: { moved: '', ended: '' },
  moved(e) {
    this.setData({ moved: e.target.id });
  },
  ended(e) {
    this.setData({ ended: e.target.id });
  },
});
