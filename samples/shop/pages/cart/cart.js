const cart = require('../../utils/cart');

Page({
  data: { lines: [] },
  onShow() {
    this.setData({ lines: cart.items() });
    cart.showBadge();
  },
  checkout() {
    wx.showModal({
      title: 'Place the order?',
      content: 'Pay on delivery.',
      success: (result) => {
        if (result.confirm) {
          cart.clear();
          this.setData({ lines: [] });
          cart.showBadge();
          wx.showToast({ title: 'Ordered' });
        }
      }
    });
  }
});
