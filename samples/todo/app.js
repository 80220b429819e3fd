const store = require('./utils/store');

App({
  onLaunch() {
    this.globalData.tasks = store.load();
  },
  globalData: { tasks: [] },
  save(tasks) {
    this.globalData.tasks = tasks;
    store.save(tasks);
  }
});
