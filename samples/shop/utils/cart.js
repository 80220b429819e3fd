const KEY = 'cart';

function items() {
  return wx.getStorageSync(KEY) || [];
}

function add(product, quantity) {
  const list = items();
  const line = list.find((l) => l.id === product.id);
  if (line) {
    line.quantity += quantity;
  } else {
    list.push({ id: product.id, name: product.name, price: product.price, quantity });
  }
  wx.setStorageSync(KEY, list);
  return list;
}

function clear() {
  wx.removeStorageSync(KEY);
}

function count() {
  return items().reduce((sum, l) => sum + l.quantity, 0);
}

function showBadge() {
  const n = count();
  if (n > 0) {
    wx.setTabBarBadge({ index: 1, text: String(n) });
  } else {
    wx.removeTabBarBadge({ index: 1 });
  }
}

module.exports = { items, add, clear, count, showBadge };
