const app = getApp();

Page({
  data: { done: 0, total: 0 },
  onShow() {
    const tasks = app.globalData.tasks;
    this.setData({ done: tasks.filter((task) => task.done).length, total: tasks.length });
  }
});
