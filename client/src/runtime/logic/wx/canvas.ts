// The Canvas node a selector query gives for canvas type="2d": the OffscreenCanvas the view handed over,
// with the Canvas methods WeChat adds (requestAnimationFrame, cancelAnimationFrame, createImageData).
const surfaces = new Map<number, OffscreenCanvas>();

interface WorkerFrames {
  requestAnimationFrame(callback: (time: number) => void): number;
  cancelAnimationFrame(handle: number): void;
}

function asCanvas(surface: OffscreenCanvas): OffscreenCanvas {
  const frames = self as unknown as WorkerFrames;
  Object.assign(surface, {
    requestAnimationFrame: (callback: (time: number) => void) => frames.requestAnimationFrame(callback),
    cancelAnimationFrame: (handle: number) => frames.cancelAnimationFrame(handle),
    createImageData: (width: number, height: number) => new ImageData(width, height),
  });
  return surface;
}

/** wx.createOffscreenCanvas: a 2d canvas of the Worker's own, drawn off screen (`{type, width, height}` or `width, height`). */
export function createOffscreenCanvas(options?: unknown, height?: unknown): OffscreenCanvas {
  const size = options && typeof options === 'object' ? (options as { width?: unknown; height?: unknown }) : { width: options, height };
  const dimension = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 ? Math.round(value) : fallback);
  return asCanvas(new OffscreenCanvas(dimension(size.width, 300), dimension(size.height, 150)));
}

/** Turns a query result's `node` from the view into the program's Canvas object. */
export function canvasFromView(node: unknown): unknown {
  if (!node || typeof node !== 'object' || typeof (node as { canvasId?: unknown }).canvasId !== 'number') {
    return node;
  }
  const { canvasId, surface } = node as { canvasId: number; surface?: unknown };
  if (surface instanceof OffscreenCanvas) {
    surfaces.set(canvasId, asCanvas(surface));
  }
  return surfaces.get(canvasId) ?? null;
}
