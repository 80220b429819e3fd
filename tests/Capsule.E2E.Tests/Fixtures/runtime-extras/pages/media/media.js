Page({
  data: { src: '', videoDuration: 0, audioDuration: 0, events: [] },
  play() {
    const audio = wx.createInnerAudioContext();
    audio.loop = true;
    audio.src = '/media/silence.wav';
    audio.onPlay(() => this.setData({ events: this.data.events.concat(['play']) }));
    audio.onPause(() => this.setData({ events: this.data.events.concat(['pause']) }));
    audio.play();
    this.audio = audio;
  },
  playing() {
    this.setData({ events: this.data.events.concat([this.audio.paused ? 'paused' : 'playing']) });
  },
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
