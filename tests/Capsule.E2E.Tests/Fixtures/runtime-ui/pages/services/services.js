Page({
  data: { networkType: '', changes: [], cloud: [], heard: [], unsupported: [], device: [] },
  onLoad() {
    wx.onNetworkStatusChange((res) => this.setData({ changes: this.data.changes.concat([res.isConnected + ' ' + res.networkType]) }));
    this.heardError = (message) => this.hear('error ' + message.split('\n')[0]);
    wx.onError(this.heardError);
    wx.onUnhandledRejection((res) => this.hear('rejection ' + res.reason.message + ' ' + (res.promise instanceof Promise)));
  },
  hear(text) {
    this.setData({ heard: this.data.heard.concat([text]) });
  },
  fail() {
    setTimeout(() => {
      throw new Error('thrown in a timer');
    });
    Promise.reject(new Error('nobody caught this'));
  },
  stopHearing() {
    wx.offError(this.heardError);
    this.fail();
  },
  unsupported() {
    const note = (text) => this.setData({ unsupported: this.data.unsupported.concat([String(text)]) });
    wx.requestSubscribeMessage({ tmplIds: ['t'], fail: (err) => note(err.errMsg) });
    wx.openBluetoothAdapter().catch((err) => note(err.errMsg));
    note('sync ' + wx.getBatteryInfoSync());
    wx.onCompassChange(() => note('compass'));
    wx.createMapContext('map', this).moveToLocation({ fail: (err) => note(err.errMsg) });
    const recorder = wx.getRecorderManager();
    recorder.onStop(() => note('stopped'));
    recorder.start({ duration: 1000 });
    const fs = wx.getFileSystemManager();
    fs.unzip({ zipFilePath: wx.env.USER_DATA_PATH + '/a.zip', targetPath: wx.env.USER_DATA_PATH, fail: (err) => note(err.errMsg) });
    note('fs sync ' + fs.openSync({ filePath: wx.env.USER_DATA_PATH + '/a.txt' }));
  },
  device(text) {
    this.setData({ device: this.data.device.concat([text]) });
  },
  imageInfo() {
    const show = (res) => this.device(`${res.width}x${res.height} ${res.type} ${res.path}`);
    wx.getImageInfo({ src: '../../images/dot.png', success: show });
    wx.getImageInfo({ src: '/images/none.png' }).catch((err) => this.device(err.errMsg));
  },
  call() {
    wx.makePhoneCall({ phoneNumber: '+86 10086' }).then((res) => this.device(res.errMsg), (err) => this.device(err.errMsg));
  },
  keepOn() {
    wx.setKeepScreenOn({ keepScreenOn: true, success: (res) => this.device(res.errMsg), fail: (err) => this.device(err.errMsg) });
  },
  log() {
    const log = wx.getRealtimeLogManager ? wx.getRealtimeLogManager() : null;
    log.info('realtime', 1);
    log.setFilterMsg('checkout');
    log.in(this).warn('on the page');
    log.tag('cart').error('tagged');
    wx.getLogManager({ level: 1 }).log('plain log');
    wx.getLogManager({ level: 1 }).debug('left out at level 1');
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
