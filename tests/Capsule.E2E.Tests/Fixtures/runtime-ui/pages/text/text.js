Page({
  data: { word: 'w', decode: true },
  undecode() {
    this.setData({ decode: false, word: 'v' });
  }
});
