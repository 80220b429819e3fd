const field = Behavior({ behaviors: ['wx://form-field'] });

Component({
  behaviors: [field],
  methods: {
    more() {
      this.setData({ value: this.data.value + 1 });
    }
  }
});
