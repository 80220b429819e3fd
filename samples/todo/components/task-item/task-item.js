Component({
  properties: {
    task: { type: Object, value: {} }
  },
  methods: {
    toggle() {
      this.triggerEvent('toggle', { id: this.data.task.id });
    },
    open() {
      wx.navigateTo({ url: '/pages/detail/detail?id=' + this.data.task.id });
    }
  }
});
