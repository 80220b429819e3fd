Page({
  data: { events: [], time: 0, paused: true, duration: 0, error: '', elementEvents: [], legacyTime: 0, clipTime: -1 },
  onLoad() {
    const audio = wx.createInnerAudioContext();
    audio.src = '/sounds/tone.wav';
    audio.onPlay(() => this.note('play'));
    audio.onPause(() => this.note('pause'));
    audio.onStop(() => this.note('stop'));
    audio.onEnded(() => this.note('ended'));
    audio.onTimeUpdate(() => this.setData({ time: audio.currentTime, paused: audio.paused, duration: audio.duration }));
    audio.onError((err) => this.setData({ error: err.errCode + ' ' + err.errMsg }));
    this.audio = audio;
  },
  note(name) {
    this.setData({ events: this.data.events.concat([name]), paused: this.audio.paused, time: this.audio.currentTime });
  },
  play() {
    this.audio.play();
  },
  pause() {
    this.audio.pause();
  },
  stop() {
    this.audio.stop();
  },
  nearTheEnd() {
    this.audio.seek(2.7);
    this.audio.play();
  },
  missing() {
    const audio = wx.createInnerAudioContext();
    audio.onError((err) => this.setData({ error: err.errCode + ' ' + err.errMsg }));
    audio.src = '/sounds/none.mp3';
    audio.play();
  },
  background() {
    const manager = wx.getBackgroundAudioManager();
    manager.title = 'Tone';
    manager.onPlay(() => this.note('background ' + manager.title + ' ' + (manager === wx.getBackgroundAudioManager())));
    manager.src = '/sounds/tone.wav';
  }
,
  elementEvent(e) {
    this.setData({ elementEvents: this.data.elementEvents.concat([e.currentTarget.id + ' ' + e.type]) });
  },
  legacyTime(e) {
    this.setData({ legacyTime: e.detail.currentTime });
  },
  clipTime(e) {
    this.setData({ clipTime: e.detail.currentTime });
  },
  legacyPlay() {
    const legacy = wx.createAudioContext('legacy');
    legacy.seek(1);
    legacy.play();
  },
  legacyPause() {
    wx.createAudioContext('legacy').pause();
  },
  clipPlay() {
    const clip = wx.createVideoContext('clip');
    clip.playbackRate(1.5);
    clip.play();
  },
  legacyBackground() {
    wx.onBackgroundAudioPlay(() => wx.getBackgroundAudioPlayerState({
      success: (state) => {
        this.note(`legacy play ${state.status} ${state.dataUrl}`);
        wx.pauseBackgroundAudio();
      }
    }));
    wx.onBackgroundAudioPause(() => wx.getBackgroundAudioPlayerState({ success: (state) => this.note(`legacy pause ${state.status}`) }));
    wx.playBackgroundAudio({ dataUrl: '/sounds/tone.wav', title: 'Tone' });
  },
  blankSrc() {
    wx.createAudioContext('blank').setSrc('/sounds/tone.wav');
  },
  clipStop() {
    wx.createVideoContext('clip').stop();
  }
});
