Page({
  data: { src: '', videoDuration: 0, audioDuration: 0 },
  choose() {
    wx.chooseMedia({
      count: 1,
      mediaType: ['video'],
      success: (res) => this.setData({ src: res.tempFiles[0].tempFilePath })
    });
  },
  onVideo(e) {
    this.setData({ videoDuration: e.detail.duration });
  },
  onAudio(e) {
    this.setData({ audioDuration: e.detail.duration });
  }
});
