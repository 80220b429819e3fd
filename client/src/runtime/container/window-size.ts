// Follows the container's viewport: when its size changes (the shell's window resized, the simulator's screen made
// smaller), the logic layer is told once per frame, for wx.onWindowResize, onResize and pageLifetimes.resize.
export function watchWindowSize(width: number, height: number, tell: (windowWidth: number, windowHeight: number) => void): void {
  let last = `${width}x${height}`;
  let scheduled = false;
  window.addEventListener('resize', () => {
    if (scheduled) {
      return;
    }
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const size = `${innerWidth}x${innerHeight}`;
      if (size !== last) {
        last = size;
        tell(innerWidth, innerHeight);
      }
    });
  });
}
