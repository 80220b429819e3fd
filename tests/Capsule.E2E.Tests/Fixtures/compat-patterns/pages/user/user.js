// Programs written before getUserProfile read the user with wx.getUserInfo and use its avatar at once.
Page({
  data: { userInfo: null, rawData: '' },
  onLoad() {
    wx.getUserInfo({
      success: (res) => this.setData({ userInfo: res.userInfo, rawData: res.rawData })
    });
  }
});
