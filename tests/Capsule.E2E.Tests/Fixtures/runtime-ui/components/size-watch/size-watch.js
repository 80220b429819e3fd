Component({
  data: { size: '' },
  pageLifetimes: {
    resize(result) {
      this.setData({ size: `${result.size.windowWidth}x${result.size.windowHeight}` });
    }
  }
});
