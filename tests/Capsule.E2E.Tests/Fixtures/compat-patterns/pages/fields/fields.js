Page({
  data: { title: [], content: [] },
  titleChanged(e) {
    this.setData({ title: this.data.title.concat(e.detail.value) });
  },
  contentChanged(e) {
    this.setData({ content: this.data.content.concat(e.detail.value) });
  },
});
