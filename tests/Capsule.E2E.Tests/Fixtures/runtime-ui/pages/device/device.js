Page({
  data: { paths: [], size: 0, error: '', latitude: 0, longitude: 0, previewed: '' },
  choose() {
    wx.chooseImage({
      count: 1,
      success: (res) => this.setData({ paths: res.tempFilePaths, size: res.tempFiles[0].size }),
      fail: (err) => this.setData({ error: err.errMsg })
    });
  },
  preview() {
    wx.previewImage({ urls: this.data.paths, success: () => this.setData({ previewed: 'yes' }) });
  },
  locate() {
    wx.getLocation({
      type: 'wgs84',
      success: (res) => this.setData({ latitude: res.latitude, longitude: res.longitude, error: '' }),
      fail: (err) => this.setData({ error: err.errMsg })
    });
  }
});
