Page({
  data: { src: 'https://elsewhere.example.org/phish', error: '' },
  onError(e) {
    this.setData({ error: e.detail.errMsg });
  }
});
