// What every page of this fixture keeps of movable-view's events, by the view's id: the last detail,
// how many there were, and the sources in the order they came (each run of one source counted once).
module.exports = {
  changed(e) {
    const id = e.currentTarget.id;
    const sources = (this.data.sources && this.data.sources[id]) || [];
    const count = (this.data.changes && this.data.changes[id]) || 0;
    this.setData({
      ['last.' + id]: e.detail,
      ['changes.' + id]: count + 1,
      ['sources.' + id]: sources[sources.length - 1] === e.detail.source ? sources : sources.concat(e.detail.source)
    });
  },
  scaled(e) {
    const id = e.currentTarget.id;
    const count = (this.data.scales && this.data.scales[id]) || 0;
    this.setData({ ['scale.' + id]: e.detail, ['scales.' + id]: count + 1 });
  }
};
