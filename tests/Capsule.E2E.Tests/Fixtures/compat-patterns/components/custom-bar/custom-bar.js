// A custom navigation bar as ColorUI's cu-custom draws it: as high as the app computed at launch, and told each time
// its page shows (cu-custom then checks whether its page is the only one, to offer Home instead of Back).
const app = getApp();
Component({
  options: { multipleSlots: true },
  data: { StatusBar: app.globalData.StatusBar, CustomBar: app.globalData.CustomBar, shows: 0 },
  pageLifetimes: {
    show() {
      this.setData({ shows: this.data.shows + 1 });
    }
  }
});
