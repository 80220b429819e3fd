Page({
  data: {
    rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    words: ['x', 'y']
  },
  reverse() {
    this.setData({ rows: this.data.rows.slice().reverse(), words: this.data.words.slice().reverse() });
  },
  prepend() {
    this.setData({ rows: [{ id: 'n' + this.data.rows.length }].concat(this.data.rows) });
  }
});
