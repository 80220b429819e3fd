const API = 'https://api.example.com';

Page({
  data: { greeting: '', refused: '', image: '' },
  get() {
    wx.request({
      url: API + '/hello',
      data: { name: 'capsule' },
      success: (res) => this.setData({ greeting: res.data.greeting, status: res.statusCode, header: res.header['X-Mock'] }),
      fail: (e) => this.setData({ greeting: e.errMsg })
    });
  },
  blocked() {
    wx.request({
      url: 'https://not-listed.example.net/x',
      success: () => this.setData({ refused: 'reached' }),
      fail: (e) => this.setData({ refused: e.errMsg })
    });
  },
  download() {
    const task = wx.downloadFile({
      url: API + '/dot.png',
      success: (res) => this.setData({ image: res.tempFilePath, downloadStatus: res.statusCode }),
      fail: (e) => this.setData({ image: '', downloadError: e.errMsg })
    });
    task.onProgressUpdate((p) => this.setData({ progress: p.progress }));
  },
  loaded(e) {
    this.setData({ loadedWidth: e.detail.width });
    wx.getFileSystemManager().readFile({
      filePath: this.data.image,
      encoding: 'base64',
      success: (res) => this.setData({ read: res.data.length > 0 })
    });
  },
  login() {
    wx.login({
      success: ({ code }) => wx.request({
        url: API + '/login',
        method: 'POST',
        data: { code },
        success: (res) => {
          this.setData({ codeLength: code.length, openid: res.data.openid || '', loginError: res.data.errcode });
          wx.checkSession({ success: () => this.setData({ session: 'valid' }), fail: (e) => this.setData({ session: e.errMsg }) });
        }
      }),
      fail: (e) => this.setData({ openid: e.errMsg })
    });
  },
  pay(e) {
    const outTradeNo = e.currentTarget.dataset.order;
    wx.login({
      success: ({ code }) => wx.request({
        url: API + '/login',
        method: 'POST',
        data: { code },
        success: (login) => wx.request({
          url: API + '/order',
          method: 'POST',
          data: { openId: login.data.openid, outTradeNo },
          success: (order) => wx.requestPayment({
            ...order.data.payment,
            success: (res) => this.setData({ paid: res.errMsg }),
            fail: (err) => this.setData({ paid: err.errMsg })
          })
        })
      })
    });
  },
  profile() {
    wx.getUserProfile({
      desc: 'To greet you by name',
      success: (res) => this.setData({ nick: res.userInfo.nickName }),
      fail: (e) => this.setData({ nick: e.errMsg })
    });
  },
  gotUserInfo(e) {
    this.setData({ info: e.detail.userInfo ? e.detail.userInfo.nickName : e.detail.errMsg });
  },
  gotPhone(e) {
    this.setData({ phone: e.detail.errMsg });
  },
  upload() {
    wx.uploadFile({
      url: API + '/upload',
      filePath: this.data.image,
      name: 'photo',
      formData: { note: 'hi' },
      success: (res) => this.setData({ uploaded: JSON.parse(res.data) }),
      fail: (e) => this.setData({ uploaded: e.errMsg })
    });
  }
});
