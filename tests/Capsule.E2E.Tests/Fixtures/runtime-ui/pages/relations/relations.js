Page({
  data: { rows: ['r1', 'r2', 'r3'], outside: 'none' },
  drop() {
    this.setData({ rows: this.data.rows.slice(0, -1) });
  }
});
