import { isBikeCode } from '../../utils/rides';

Page({
  unlock(event) {
    const code = String(event.detail.value.code || '');
    if (!isBikeCode(code)) {
      wx.showModal({ title: 'Check the code', content: 'A bike code has 6 digits.', showCancel: false });
      return;
    }
    wx.navigateTo({ url: '/pages/ride/ride?bike=' + code });
  }
});
