// Follows the program's area: when its size changes (the shell's window resized, the simulator's screen made smaller),
// the logic layer is told once per frame, for wx.onWindowResize, onResize and pageLifetimes.resize. The area is the
// container's viewport with the host's navigation bar when the page shown has one: the container growing or
// shrinking by the bar as the pages shown change between a custom navigation bar and the host's is no resize.
export function watchScreenSize(width: number, height: number, navigationBarShown: () => number, tell: (screenWidth: number, screenHeight: number) => void): void {
  let last = `${width}x${height}`;
  let scheduled = false;
  window.addEventListener('resize', () => {
    if (scheduled) {
      return;
    }
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const screenHeight = innerHeight + navigationBarShown();
      const size = `${innerWidth}x${screenHeight}`;
      if (size !== last) {
        last = size;
        tell(innerWidth, screenHeight);
      }
    });
  });
}
