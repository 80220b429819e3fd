const WS = 'wss://api.example.com';

Page({
  data: { log: [] },
  record(entry) {
    this.setData({ log: this.data.log.concat(entry) });
  },
  // A SocketTask: header and protocol reach the backend, text and binary messages go both ways, and the
  // program's close comes back to onClose with its code and reason.
  task() {
    const task = wx.connectSocket({
      url: WS + '/echo',
      header: { 'X-Token': 'abc' },
      protocols: ['chat'],
      success: (res) => this.setData({ connected: res.errMsg + ' ' + typeof res.socketTaskId }),
      fail: (e) => this.setData({ connected: e.errMsg })
    });
    task.onOpen(() => {
      this.record('open');
      task.send({ data: 'who', success: (r) => this.setData({ sent: r.errMsg }) });
    });
    task.onMessage((res) => {
      if (typeof res.data !== 'string') {
        this.record('binary ' + Array.from(new Uint8Array(res.data)).join(','));
        task.close({ code: 3001, reason: 'done', success: (r) => this.setData({ closing: r.errMsg }) });
        return;
      }
      this.record('text ' + res.data);
      if (res.data.startsWith('hello')) {
        task.send({ data: 'hi' });
      } else {
        task.send({ data: new Uint8Array([1, 2, 3]).buffer });
      }
    });
    task.onClose((res) => {
      this.record('closed ' + res.code + ' ' + res.reason);
      task.send({ data: 'late', fail: (e) => this.setData({ late: e.errMsg }) });
    });
  },
  // The global API acts on the most recent socket; the backend closing it reaches onSocketClose.
  global() {
    wx.onSocketOpen(() => {
      this.record('open');
      wx.sendSocketMessage({ data: 'close me' });
    });
    wx.onSocketMessage((res) => this.record('text ' + res.data));
    wx.onSocketClose((res) => {
      this.record('closed ' + res.code + ' ' + res.reason);
      wx.closeSocket({ fail: (e) => this.setData({ closeAgain: e.errMsg }) });
    });
    wx.sendSocketMessage({ data: 'too early', fail: (e) => this.setData({ early: e.errMsg }) });
    wx.connectSocket({ url: WS + '/echo' });
  },
  refused() {
    const task = wx.connectSocket({
      url: 'wss://not-listed.example.net/echo',
      fail: (e) => this.setData({ refused: e.errMsg })
    });
    task.onOpen(() => this.record('open'));
  },
  // WeChat allows five sockets at once: the sixth fails.
  limit() {
    const tasks = [];
    for (let i = 0; i < 6; i++) {
      tasks.push(wx.connectSocket({
        url: WS + '/echo',
        fail: (e) => this.setData({ sixth: i + ' ' + e.errMsg })
      }));
    }
    let open = 0;
    tasks.slice(0, 5).forEach((task) => task.onOpen(() => {
      open += 1;
      if (open === 5) {
        this.setData({ open });
        tasks.forEach((t) => t.close({}));
      }
    }));
  }
});
