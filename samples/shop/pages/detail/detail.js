const catalog = require('../../utils/catalog');
const cart = require('../../utils/cart');

Page({
  data: { product: {}, quantities: [1, 2, 3, 4, 5], index: 0 },
  onLoad(query) {
    const product = catalog.find(Number(query.id));
    this.setData({ product });
    wx.setNavigationBarTitle({ title: product.name });
  },
  pick(event) {
    this.setData({ index: Number(event.detail.value) });
  },
  add() {
    cart.add(this.data.product, this.data.quantities[this.data.index]);
    wx.showToast({ title: 'Added' });
    wx.navigateBack();
  },
  onShareAppMessage() {
    const product = this.data.product;
    return {
      title: `${product.name}, just ¥${product.price}`,
      path: `/pages/detail/detail?id=${product.id}`
    };
  }
});
