const moves = require('../../moves.js');

Page(Object.assign({
  data: {
    last: {},
    changes: {},
    sources: {}
  }
}, moves));
