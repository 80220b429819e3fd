Component({
  properties: { title: String },
  externalClasses: ['title-class'],
  data: { times: 0, seen: '' },
  observers: {
    title(title) {
      this.setData({ seen: 'seen ' + title });
    }
  },
  methods: {
    pick() {
      const times = this.data.times + 1;
      this.setData({ times });
      this.triggerEvent('pick', { times });
    }
  }
});
