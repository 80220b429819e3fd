const KEY = 'tasks';

export function load() {
  const tasks = wx.getStorageSync(KEY);
  return Array.isArray(tasks) ? tasks : [];
}

export function save(tasks) {
  wx.setStorageSync(KEY, tasks);
}

export function nextId(tasks) {
  return tasks.reduce((max, task) => Math.max(max, task.id), 0) + 1;
}
