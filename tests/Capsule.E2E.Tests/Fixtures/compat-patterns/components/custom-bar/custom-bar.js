// A custom navigation bar as ColorUI's cu-custom draws it: as high as the app computed at launch.
const app = getApp();
Component({
  options: { multipleSlots: true },
  data: { StatusBar: app.globalData.StatusBar, CustomBar: app.globalData.CustomBar }
});
