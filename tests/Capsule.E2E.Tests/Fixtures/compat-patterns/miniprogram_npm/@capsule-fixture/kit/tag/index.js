Component({
  properties: { color: String },
  data: { grouped: '' },
  lifetimes: {
    attached() {
      this.groupSetData(() => {
        this.setData({ grouped: 'grouped', container: () => this.createSelectorQuery().select('#box') });
      });
    }
  }
});
