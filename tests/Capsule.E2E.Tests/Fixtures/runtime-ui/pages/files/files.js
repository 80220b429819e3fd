Page({
  data: { log: [] },
  note(text) {
    this.setData({ log: this.data.log.concat([String(text)]) });
  },
  attempt(run) {
    try {
      run();
    } catch (error) {
      this.note(error.message);
    }
  },
  run() {
    const fs = wx.getFileSystemManager();
    const dir = wx.env.USER_DATA_PATH + '/notes';
    fs.mkdirSync(dir + '/deep/er', true);
    fs.writeFileSync(dir + '/a.txt', 'hello', 'utf8');
    fs.appendFileSync(dir + '/a.txt', ' world');
    this.note(fs.readFileSync(dir + '/a.txt', 'utf8'));
    this.note(fs.readdirSync(dir).sort().join(','));
    this.note(fs.statSync(dir).isDirectory() + ' ' + fs.statSync(dir + '/a.txt').size);
    this.attempt(() => fs.readFileSync(dir + '/missing.txt'));
    this.attempt(() => fs.writeFileSync('wxfile://elsewhere/x.txt', 'x'));
    this.attempt(() => fs.mkdirSync(dir));
    this.attempt(() => fs.rmdirSync(dir + '/deep'));
    fs.readFile({ filePath: dir + '/a.txt', encoding: 'base64' }).then((res) => {
      this.note(res.data);
      fs.rename({ oldPath: dir + '/a.txt', newPath: dir + '/b.txt', success: () => this.note('renamed ' + fs.readdirSync(dir).sort().join(',')) });
    });
  },
  keep() {
    const canvas = wx.createOffscreenCanvas({ type: '2d', width: 2, height: 2 });
    canvas.getContext('2d').fillRect(0, 0, 2, 2);
    wx.canvasToTempFilePath({
      canvas,
      success: (res) => wx.saveFile({
        tempFilePath: res.tempFilePath,
        success: (saved) => wx.getSavedFileList({
          success: (list) => this.note(`saved ${list.fileList.length} ${list.fileList[0].filePath === saved.savedFilePath} ${list.fileList[0].size > 0}`)
        })
      })
    });
  },
  check() {
    const fs = wx.getFileSystemManager();
    this.attempt(() => this.note(fs.readFileSync(wx.env.USER_DATA_PATH + '/notes/b.txt', 'utf8')));
    wx.getSavedFileList({ success: (list) => this.note('after restart ' + list.fileList.length) });
  }
});
