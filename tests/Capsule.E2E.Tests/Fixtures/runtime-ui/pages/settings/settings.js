Page({
  data: { log: [], setting: {}, latitude: 0 },
  note(text) {
    this.setData({ log: this.data.log.concat([text]) });
  },
  authorize(e) {
    wx.authorize({
      scope: e.currentTarget.dataset.scope,
      success: (res) => this.note(res.errMsg),
      fail: (err) => this.note(err.errMsg)
    });
  },
  read() {
    wx.getSetting().then((res) => this.setData({ setting: res.authSetting }));
  },
  open() {
    wx.openSetting({ success: (res) => this.setData({ setting: res.authSetting }) });
  },
  locate() {
    wx.getLocation({ success: (res) => this.setData({ latitude: res.latitude }), fail: (err) => this.note(err.errMsg) });
  },
  save() {
    const canvas = wx.createOffscreenCanvas({ type: '2d', width: 4, height: 4 });
    const context = canvas.getContext('2d');
    context.fillStyle = '#07c160';
    context.fillRect(0, 0, 4, 4);
    wx.canvasToTempFilePath({
      canvas,
      success: (res) => wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }).then((r) => this.note(r.errMsg), (err) => this.note(err.errMsg))
    });
  },
  saveWeb() {
    wx.saveImageToPhotosAlbum({ filePath: 'https://example.com/a.png', fail: (err) => this.note(err.errMsg) });
  }
});
