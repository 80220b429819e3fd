Page({
  data: { year: 2017, month: 3 }
});
