const app = getApp();

Page({
  data: {
    greeting: 'Hello',
    name: 'Capsule',
    fruits: [
      { name: 'Apple', price: 3 },
      { name: 'Mango', price: 8 },
      { name: 'Lychee', price: 12 }
    ]
  },
  onLoad() {
    this.setData({ launchedAt: app.globalData.launchedAt });
  }
});
