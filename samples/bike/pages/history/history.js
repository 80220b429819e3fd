import { history } from '../../utils/rides';

Page({
  data: { rides: [] },
  onShow() {
    this.setData({ rides: history() });
  }
});
