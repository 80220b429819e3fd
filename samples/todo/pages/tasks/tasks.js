import { nextId } from '../../utils/store';

const app = getApp();

Page({
  data: { tasks: [], draft: '' },
  onShow() {
    this.setData({ tasks: app.globalData.tasks });
  },
  add(event) {
    const title = (event.detail.value.title || '').trim();
    if (!title) {
      wx.showToast({ title: 'Type a task first', icon: 'none' });
      return;
    }
    const tasks = app.globalData.tasks.concat([{ id: nextId(app.globalData.tasks), title, done: false }]);
    app.save(tasks);
    this.setData({ tasks, draft: '' });
  },
  toggle(event) {
    const tasks = app.globalData.tasks.map((task) => (task.id === event.detail.id ? { ...task, done: !task.done } : task));
    app.save(tasks);
    this.setData({ tasks });
  }
});
