Page({
  data: { networkType: '', changes: [], cloud: [] },
  onLoad() {
    wx.onNetworkStatusChange((res) => this.setData({ changes: this.data.changes.concat([res.isConnected + ' ' + res.networkType]) }));
  },
  network() {
    wx.getNetworkType({ success: (res) => this.setData({ networkType: res.networkType }) });
  },
  note(text) {
    this.setData({ cloud: this.data.cloud.concat([text]) });
  },
  useCloud() {
    if (!wx.cloud) {
      this.note('no wx.cloud');
      return;
    }
    wx.cloud.init({ env: 'test-env', traceUser: true });
    const db = wx.cloud.database();
    const _ = db.command;
    wx.cloud.callFunction({ name: 'login', data: {} }).catch((err) => this.note(err.errMsg));
    db.collection('todos').where({ done: _.eq(false), due: _.gt(1).and(_.lt(5)) }).orderBy('due', 'asc').limit(10).get()
      .then(() => this.note('got todos'), (err) => this.note(err.errMsg));
    db.collection('todos').doc('t1').update({ data: { done: true, at: db.serverDate() }, fail: (err) => this.note(err.errMsg) });
  }
});
