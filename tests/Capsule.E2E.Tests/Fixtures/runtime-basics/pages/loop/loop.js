Page({
  spin() {
    for (;;) {
      this.spinning = true;
    }
  }
});
