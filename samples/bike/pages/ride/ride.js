import { record } from '../../utils/rides';

Page({
  data: { bike: '', seconds: 0 },
  onLoad(query) {
    this.setData({ bike: query.bike });
    this.timer = setInterval(() => this.setData({ seconds: this.data.seconds + 1 }), 1000);
  },
  onUnload() {
    clearInterval(this.timer);
  },
  end() {
    clearInterval(this.timer);
    record({ bike: this.data.bike, seconds: this.data.seconds });
    wx.switchTab({ url: '/pages/history/history' });
  }
});
