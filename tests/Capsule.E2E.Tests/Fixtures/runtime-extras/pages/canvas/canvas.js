Page({
  data: { tempPath: '', copied: false, surfacePath: '', offscreenPath: '', small: 0, large: 0, legacyPixel: '', putPixel: '' },
  onReady() {
    const ctx = wx.createCanvasContext('legacy', this);
    ctx.setFillStyle('#ff0000');
    ctx.fillRect(0, 0, 50, 50);
    ctx.fillStyle = '#00ff00';
    ctx.fillRect(50, 0, 50, 50);
    ctx.beginPath();
    ctx.arc(125, 25, 20, 0, 2 * Math.PI);
    ctx.setFillStyle('blue');
    ctx.fill();
    const gradient = ctx.createLinearGradient(150, 0, 200, 0);
    gradient.addColorStop(0, '#000000');
    gradient.addColorStop(1, '#ffffff');
    ctx.setFillStyle(gradient);
    ctx.fillRect(150, 0, 50, 50);
    ctx.save();
    ctx.translate(0, 50);
    ctx.setGlobalAlpha(0.5);
    ctx.setFillStyle('#0000ff');
    ctx.fillRect(0, 0, 50, 50);
    ctx.restore();
    ctx.drawImage('/images/red.png', 50, 50, 50, 50);
    ctx.setStrokeStyle('#000000');
    ctx.setLineWidth(4);
    ctx.moveTo(100, 75);
    ctx.lineTo(150, 75);
    ctx.stroke();
    ctx.setFontSize(10);
    const small = ctx.measureText('hello').width;
    ctx.setFontSize(20);
    const large = ctx.measureText('hello').width;
    ctx.setTextAlign('left');
    ctx.fillText('hi', 160, 90);
    this.setData({ small, large });
    ctx.draw(false, () => {
      wx.canvasGetImageData({
        canvasId: 'legacy', x: 25, y: 25, width: 1, height: 1,
        success: (res) => this.setData({ legacyPixel: Array.from(res.data).join(',') })
      }, this);
      const yellow = new Uint8ClampedArray(2 * 2 * 4);
      for (let i = 0; i < yellow.length; i += 4) {
        yellow.set([255, 255, 0, 255], i);
      }
      wx.canvasPutImageData({
        canvasId: 'pixels', x: 4, y: 4, width: 2, height: 2, data: yellow,
        success: () => wx.canvasGetImageData({
          canvasId: 'pixels', x: 5, y: 5, width: 1, height: 1,
          success: (res) => this.setData({ putPixel: Array.from(res.data).join(',') })
        }, this)
      }, this);
      wx.canvasToTempFilePath({
        canvasId: 'legacy',
        success: (res) => {
          this.setData({ tempPath: res.tempFilePath });
          const copy = wx.createCanvasContext('copy', this);
          copy.drawImage(res.tempFilePath, 0, 0, 200, 100);
          copy.draw(false, () => this.setData({ copied: true }));
        },
        fail: (err) => this.setData({ tempPath: err.errMsg }),
      }, this);
    });

    const old = wx.createContext();
    old.setFillStyle('#ff00ff');
    old.fillRect(0, 0, 20, 20);
    wx.drawCanvas({ canvasId: 'old', actions: old.getActions() });

    const offscreen = wx.createOffscreenCanvas({ type: '2d', width: 8, height: 4 });
    const drawing = offscreen.getContext('2d');
    drawing.fillStyle = '#123456';
    drawing.fillRect(0, 0, 8, 4);
    wx.canvasToTempFilePath({ canvas: offscreen, success: (r) => this.setData({ offscreenPath: r.tempFilePath }) });

    this.createSelectorQuery().select('#surface').fields({ node: true }).exec((res) => {
      const canvas = res[0].node;
      const surface = canvas.getContext('2d');
      surface.fillStyle = '#00ffff';
      surface.fillRect(0, 0, canvas.width, canvas.height);
      wx.canvasToTempFilePath({ canvas, success: (r) => this.setData({ surfacePath: r.tempFilePath }) });
    });
  }
});
