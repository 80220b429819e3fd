const catalog = require('../../utils/catalog');
const cart = require('../../utils/cart');

Page({
  data: { banners: ['Autumn tea sale', 'New mooncakes'], categories: catalog.categories, category: 'all', shown: catalog.products },
  onShow() {
    cart.showBadge();
  },
  choose(event) {
    const category = event.currentTarget.dataset.category;
    this.setData({ category, shown: catalog.products.filter((p) => category === 'all' || p.category === category) });
  },
  open(event) {
    wx.navigateTo({ url: '/pages/detail/detail?id=' + event.detail.id });
  }
});
