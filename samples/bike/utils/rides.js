const KEY = 'rides';
const CODE = /^\d{6}$/;

export function isBikeCode(code) {
  return CODE.test(code);
}

export function history() {
  return wx.getStorageSync(KEY) || [];
}

export function record(ride) {
  wx.setStorageSync(KEY, [ride].concat(history()));
}
