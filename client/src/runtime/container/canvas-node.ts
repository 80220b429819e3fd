// canvas type="2d" for the logic layer: the first query for its node hands the drawing surface to the
// Worker (transferControlToOffscreen), so program code draws with a real CanvasRenderingContext2D there;
// later queries name the surface already handed over.
const surfaces = new WeakMap<HTMLElement, number>();
let nextSurface = 1;

export function canvasNode(element: HTMLElement): unknown {
  const canvas = element.localName === 'wx-canvas' && element.getAttribute('type') === '2d' ? element.shadowRoot?.querySelector('canvas') : null;
  if (!canvas) {
    return null;
  }
  const known = surfaces.get(element);
  if (known !== undefined) {
    return { canvasId: known };
  }
  const id = nextSurface++;
  surfaces.set(element, id);
  return { canvasId: id, surface: canvas.transferControlToOffscreen() };
}

/** The OffscreenCanvas objects in a selector query's answer, which must be transferred, not copied. */
export function surfacesIn(results: unknown): Transferable[] {
  const found: Transferable[] = [];
  for (const result of Array.isArray(results) ? results.flat() : []) {
    const surface = result && typeof result === 'object' ? (result as { node?: { surface?: unknown } }).node?.surface : undefined;
    if (surface instanceof OffscreenCanvas) {
      found.push(surface);
    }
  }
  return found;
}
