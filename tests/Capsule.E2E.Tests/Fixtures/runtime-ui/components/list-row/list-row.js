Component({
  properties: { name: String },
  data: { parent: 'none' },
  relations: {
    '../list-box/list-box': {
      type: 'parent',
      linked(box) {
        this.setData({ parent: box.is });
      }
    }
  }
});
