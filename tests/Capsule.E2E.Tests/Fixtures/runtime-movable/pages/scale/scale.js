const moves = require('../../moves.js');

Page(Object.assign({
  data: {
    zoom: 1,
    last: {},
    changes: {},
    sources: {},
    scale: {},
    scales: {}
  },
  zoomIn() {
    this.setData({ zoom: 1.5 });
  }
}, moves));
