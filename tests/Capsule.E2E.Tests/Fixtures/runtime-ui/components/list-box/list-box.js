Component({
  data: { count: 0, events: '' },
  relations: {
    '../list-row/list-row': {
      type: 'child',
      linked(row) {
        this.setData({ count: this.getRelationNodes('../list-row/list-row').length, events: this.data.events + '+' + row.data.name });
      },
      unlinked(row) {
        this.setData({ count: this.getRelationNodes('../list-row/list-row').length, events: this.data.events + '-' + row.data.name });
      }
    }
  }
});
