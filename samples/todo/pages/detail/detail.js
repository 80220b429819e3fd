const app = getApp();

Page({
  data: { task: {} },
  onLoad(query) {
    const id = Number(query.id);
    this.id = id;
    this.setData({ task: app.globalData.tasks.find((task) => task.id === id) || {} });
  },
  remove() {
    wx.showModal({
      title: 'Delete this task?',
      success: (result) => {
        if (result.confirm) {
          app.save(app.globalData.tasks.filter((task) => task.id !== this.id));
          wx.navigateBack();
        }
      }
    });
  }
});
