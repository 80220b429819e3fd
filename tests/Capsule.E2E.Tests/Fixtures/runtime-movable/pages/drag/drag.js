const moves = require('../../moves.js');

Page(Object.assign({
  data: {
    x: 10,
    y: 20,
    animated: true,
    across: 0,
    down: 0,
    pageMoves: {},
    last: {},
    changes: {},
    sources: {}
  },
  move() {
    this.setData({ x: 120, y: 80 });
  },
  jump() {
    this.setData({ animated: false, x: 30, y: 500 });
  },
  across() {
    this.setData({ across: this.data.across + 1 });
  },
  down() {
    this.setData({ down: this.data.down + 1 });
  },
  pageMoved(e) {
    const id = e.target.id;
    this.setData({ ['pageMoves.' + id]: (this.data.pageMoves[id] || 0) + 1 });
  }
}, moves));
