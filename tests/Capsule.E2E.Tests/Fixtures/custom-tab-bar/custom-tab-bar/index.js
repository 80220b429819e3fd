Component({
  data: {
    selected: 0,
    color: '#7A7E83',
    selectedColor: '#3cc51f',
    list: [
      { pagePath: '/pages/home/home', text: 'Home' },
      { pagePath: '/pages/mine/mine', text: 'Mine' }
    ]
  },
  methods: {
    switchTab(e) {
      wx.switchTab({ url: e.currentTarget.dataset.path });
    }
  }
});
