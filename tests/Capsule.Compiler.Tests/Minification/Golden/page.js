/*!
 * Order page. (c) Capsule samples, MIT licensed.
 */
const app = getApp();
const { formatPrice, plural } = require('../../utils/format.js');

// Statuses the server sends, in display order.
const STATUSES = ['pending', 'paid', 'shipped', 'done'];

Page({
  data: {
    orders: [],
    loading: false,
    filter: 'all', // 'all' or one of STATUSES
  },

  onLoad(query) {
    this.setData({ filter: query.status || 'all' });
    this.refresh();
  },

  async refresh() {
    this.setData({ loading: true });
    try {
      const orders = await app.api.get(`/orders?status=${encodeURIComponent(this.data.filter)}&page=${1}`);
      this.setData({
        orders: orders.map((order) => ({
          ...order,
          total: formatPrice(order.cents),
          label: `${order.items.length} ${plural(order.items.length, 'item')}`,
          late: order.days > 7 && order.status !== 'done',
        })),
      });
    } catch (error) {
      wx.showToast({ title: 'Could not load: ' + error.message, icon: 'none' });
    } finally {
      this.setData({ loading: false });
    }
  },

  onFilter(e) {
    const status = e.currentTarget.dataset.status;
    if (!STATUSES.includes(status) && status !== 'all') return;
    this.setData({ filter: status }, () => this.refresh());
  },
});
