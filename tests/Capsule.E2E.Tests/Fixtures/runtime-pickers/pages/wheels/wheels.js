const years = [];
for (let year = 2018; year <= 2030; year++) {
  years.push(year);
}

Page({
  data: {
    years,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    value: [2, 3],
    starts: 0,
    ends: 0,
    changes: 0
  },
  changed(e) {
    this.setData({ value: e.detail.value, changes: this.data.changes + 1 });
  },
  started() {
    this.setData({ starts: this.data.starts + 1 });
  },
  ended() {
    this.setData({ ends: this.data.ends + 1 });
  },
  setValue() {
    this.setData({ value: [5, 11] });
  },
  pastEnd() {
    this.setData({ value: [99, 0] });
  }
});
