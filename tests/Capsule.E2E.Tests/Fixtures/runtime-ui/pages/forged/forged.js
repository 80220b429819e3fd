Page({
  data: { keys: '', saved: -1 },
  forge() {
    // A hostile program posts the runtime's own messages, skipping the checks of wx.setStorage and the file manager.
    const big = 'x'.repeat(3 * 1024 * 1024);
    self.postMessage({ type: 'storage', key: 'first', value: big });
    self.postMessage({ type: 'storage', key: 'second', value: big });
    self.postMessage({ type: 'file', path: 'wxfile://elsewhere/x.bin', file: { data: new ArrayBuffer(8), mtime: 0 } });
  },
  check() {
    wx.getSavedFileList({ success: (list) => this.setData({ keys: wx.getStorageInfoSync().keys.join(','), saved: list.fileList.length }) });
  }
});
