const linked = {
  Fruit: ['Apple', 'Banana'],
  Vegetable: ['Carrot', 'Leek', 'Pea']
};

Page({
  data: {
    fruits: [{ name: 'Apple' }, { name: 'Banana' }, { name: 'Cherry' }, { name: 'Durian' }, { name: 'Elderberry' }],
    fruitIndex: 1,
    cancels: 0,
    places: [['Fruit', 'Vegetable'], linked.Fruit],
    placeIndex: [0, 0],
    columnLog: '',
    time: '08:00',
    month: '2024-01',
    day: '2024-02-29',
    region: [],
    codes: '',
    sizes: ['S', 'M', 'L'],
    submitted: ''
  },
  fruitChanged(e) {
    this.setData({ fruitIndex: e.detail.value });
  },
  cancelled() {
    this.setData({ cancels: this.data.cancels + 1 });
  },
  placeColumnChanged(e) {
    const { column, value } = e.detail;
    const log = this.data.columnLog ? `${this.data.columnLog},${column}:${value}` : `${column}:${value}`;
    if (column === 0) {
      const kind = this.data.places[0][value];
      this.setData({ columnLog: log, 'places[1]': linked[kind], placeIndex: [value, 0] });
    } else {
      this.setData({ columnLog: log, 'placeIndex[1]': value });
    }
  },
  placeChanged(e) {
    this.setData({ placeIndex: e.detail.value });
  },
  timeChanged(e) {
    this.setData({ time: e.detail.value });
  },
  monthChanged(e) {
    this.setData({ month: e.detail.value });
  },
  dayChanged(e) {
    this.setData({ day: e.detail.value });
  },
  regionChanged(e) {
    this.setData({ region: e.detail.value, codes: e.detail.code.join(',') });
  },
  submitted(e) {
    this.setData({ submitted: `size=${e.detail.value.size}` });
  }
});
