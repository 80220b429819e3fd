Page({
  data: {
    askHidden: true,
    tellHidden: true,
    toastHidden: true,
    loadingHidden: true,
    sheetHidden: true,
    items: ['Photo', 'Video', 'File'],
    confirms: 0,
    cancels: 0,
    toasts: 0,
    sheets: 0,
    picked: ''
  },
  ask() {
    this.setData({ askHidden: false });
  },
  tell() {
    this.setData({ tellHidden: false });
  },
  wait() {
    this.setData({ toastHidden: false, loadingHidden: false });
  },
  choose() {
    this.setData({ sheetHidden: false });
  },
  confirmed() {
    this.setData({ askHidden: true, confirms: this.data.confirms + 1 });
  },
  cancelled() {
    this.setData({ askHidden: true, cancels: this.data.cancels + 1 });
  },
  noticed() {
    this.setData({ tellHidden: true, confirms: this.data.confirms + 1 });
  },
  toasted() {
    this.setData({ toastHidden: true, loadingHidden: true, toasts: this.data.toasts + 1 });
  },
  sheetChanged() {
    this.setData({ sheetHidden: true, sheets: this.data.sheets + 1 });
  },
  picked(e) {
    this.setData({ sheetHidden: true, picked: e.currentTarget.dataset.item });
  }
});
