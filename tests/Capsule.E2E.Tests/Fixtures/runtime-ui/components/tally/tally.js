Component({
  properties: { name: String },
  data: { taps: 0 },
  methods: {
    bump() {
      this.setData({ taps: this.data.taps + 1 });
    }
  }
});
