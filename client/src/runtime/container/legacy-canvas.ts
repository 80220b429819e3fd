// The legacy canvas in the view: a <canvas canvas-id> (without type="2d") is drawn by replaying the calls the
// logic layer recorded (CanvasContext.draw, wx.drawCanvas), in CSS pixels on a backing store of the device's
// pixel density, and read back as an image for wx.canvasToTempFilePath.
import { CANVAS_METHODS, type CanvasAction, type CanvasDrawing, type CanvasGradient } from '../bridge/canvas-actions';
import type { Data } from '../bridge/messages';
import { mediaSource, type BuiltinContext } from '../view/builtins/builtin';
import type { ViewInstance } from '../view/instance';
import { nodeOf } from '../view/patch';

const DEFAULT_FONT = '10px sans-serif';

/** The current font of each canvas, so setFontSize keeps the family and weight that setFont chose. */
const fonts = new WeakMap<HTMLCanvasElement, string>();

/** Canvases whose drawing surface has been sized to their CSS size at the device's pixel density. */
const sized = new WeakSet<HTMLCanvasElement>();

/** Sizes the surface (which clears it and resets its state) and scales it so drawing is in CSS pixels. */
function resetSurface(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  canvas.height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = DEFAULT_FONT;
  fonts.set(canvas, DEFAULT_FONT);
  sized.add(canvas);
}

/** The <wx-canvas> with this canvas-id in a page's or component's own tree, and its drawing surface. */
export function findCanvas(instance: ViewInstance | undefined, canvasId: string): { element: HTMLElement; canvas: HTMLCanvasElement } | undefined {
  for (const element of Array.from(instance?.root.querySelectorAll<HTMLElement>('wx-canvas') ?? [])) {
    const attributes = nodeOf(element)?.attr ?? {};
    const canvas = element.shadowRoot?.querySelector('canvas');
    if (canvas && String(attributes['canvasId'] ?? '') === canvasId && attributes['type'] !== '2d') {
      return { element, canvas };
    }
  }
  return undefined;
}

function paint(ctx: CanvasRenderingContext2D, value: unknown): string | globalThis.CanvasGradient {
  if (!value || typeof value !== 'object') {
    return String(value);
  }
  const { gradient, args, stops } = value as CanvasGradient;
  const [a = 0, b = 0, c = 0, d = 0] = (Array.isArray(args) ? args : []).map(Number);
  const made = gradient === 'circular' ? ctx.createRadialGradient(a, b, 0, a, b, c) : ctx.createLinearGradient(a, b, c, d);
  for (const [offset, color] of Array.isArray(stops) ? stops : []) {
    try {
      made.addColorStop(Number(offset), String(color));
    } catch {
      // WeChat ignores a stop whose offset or colour is invalid.
    }
  }
  return made;
}

/** Loads the images a drawing names: the program's files, temporary files from the host, web images. */
async function loadImages(element: HTMLElement, actions: CanvasAction[], context: BuiltinContext): Promise<Map<string, HTMLImageElement>> {
  const images = new Map<string, HTMLImageElement>();
  const sources = new Set(actions.filter((a) => a.method === 'drawImage' && typeof a.args[0] === 'string').map((a) => a.args[0] as string));
  await Promise.all(
    [...sources].map(async (src) => {
      const temporary = src.startsWith('wxfile://');
      const url = temporary ? await context.tempFile(src) : mediaSource(element, src, /^(https?:|data:image\/|blob:)/i, context);
      if (!url) {
        return;
      }
      const image = new Image();
      if (!temporary && !/^(https?:|data:|blob:)/i.test(src)) {
        image.crossOrigin = 'anonymous';
      }
      image.src = url;
      try {
        await image.decode();
        images.set(src, image);
      } catch {
        console.warn(`drawImage: ${src} could not be loaded`);
      }
    }),
  );
  return images;
}

function apply(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, action: CanvasAction, images: Map<string, HTMLImageElement>): void {
  const args = action.args;
  const n = (i: number) => Number(args[i] ?? 0);
  switch (action.method) {
    case 'setFillStyle':
      ctx.fillStyle = paint(ctx, args[0]);
      return;
    case 'setStrokeStyle':
      ctx.strokeStyle = paint(ctx, args[0]);
      return;
    case 'setLineWidth':
      ctx.lineWidth = n(0);
      return;
    case 'setLineCap':
      ctx.lineCap = String(args[0]) as CanvasLineCap;
      return;
    case 'setLineJoin':
      ctx.lineJoin = String(args[0]) as CanvasLineJoin;
      return;
    case 'setMiterLimit':
      ctx.miterLimit = n(0);
      return;
    case 'setLineDash':
      ctx.setLineDash(Array.isArray(args[0]) ? (args[0] as unknown[]).map(Number) : []);
      ctx.lineDashOffset = n(1);
      return;
    case 'setFontSize': {
      const font = (fonts.get(canvas) ?? DEFAULT_FONT).replace(/(\d+(\.\d+)?)px/, `${n(0)}px`);
      fonts.set(canvas, font);
      ctx.font = font;
      return;
    }
    case 'setFont':
      ctx.font = String(args[0]);
      fonts.set(canvas, ctx.font);
      return;
    case 'setTextAlign':
      ctx.textAlign = String(args[0]) as CanvasTextAlign;
      return;
    case 'setTextBaseline':
      ctx.textBaseline = (args[0] === 'normal' ? 'alphabetic' : String(args[0])) as CanvasTextBaseline;
      return;
    case 'setGlobalAlpha':
      ctx.globalAlpha = n(0);
      return;
    case 'setGlobalCompositeOperation':
      ctx.globalCompositeOperation = String(args[0]) as GlobalCompositeOperation;
      return;
    case 'setShadow':
      ctx.shadowOffsetX = n(0);
      ctx.shadowOffsetY = n(1);
      ctx.shadowBlur = n(2);
      ctx.shadowColor = args[3] === undefined ? '#000000' : String(args[3]);
      return;
    case 'fillText':
    case 'strokeText':
      if (args[3] === undefined) {
        ctx[action.method](String(args[0] ?? ''), n(1), n(2));
      } else {
        ctx[action.method](String(args[0] ?? ''), n(1), n(2), n(3));
      }
      return;
    case 'drawImage': {
      const image = images.get(String(args[0]));
      const rest = args.slice(1).map(Number);
      if (image && rest.length === 2) {
        ctx.drawImage(image, n(1), n(2));
      } else if (image && rest.length === 4) {
        ctx.drawImage(image, n(1), n(2), n(3), n(4));
      } else if (image && rest.length === 8) {
        ctx.drawImage(image, n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8));
      }
      return;
    }
    case 'fill':
    case 'stroke':
    case 'clip':
    case 'beginPath':
    case 'closePath':
    case 'save':
    case 'restore':
      ctx[action.method]();
      return;
    case 'arc':
      ctx.arc(n(0), n(1), n(2), n(3), n(4), Boolean(args[5]));
      return;
    default: {
      const method = (ctx as unknown as Record<string, (...a: number[]) => void>)[action.method];
      method?.apply(ctx, args.map(Number));
    }
  }
}

/** Replays a drawing on its canvas; without `reserve` the canvas is cleared and its state reset first. */
export async function drawCanvas(instance: ViewInstance | undefined, drawing: CanvasDrawing, context: BuiltinContext): Promise<void> {
  const found = findCanvas(instance, String(drawing.canvasId));
  if (!found) {
    throw new Error(`drawCanvas:fail canvas "${drawing.canvasId}" not found`);
  }
  const { element, canvas } = found;
  const actions = (Array.isArray(drawing.actions) ? drawing.actions : []).filter((a) => a && CANVAS_METHODS.has(a.method) && Array.isArray(a.args));
  const images = await loadImages(element, actions, context);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    throw new Error('drawCanvas:fail the canvas cannot be drawn on');
  }
  if (!drawing.reserve || !sized.has(canvas)) {
    resetSurface(canvas, ctx);
  }
  for (const action of actions) {
    apply(ctx, canvas, action, images);
  }
}

/** The region's pixels (x, y, width, height in CSS pixels), one RGBA quadruple per CSS pixel. */
export function canvasPixels(instance: ViewInstance | undefined, args: Data): Data {
  const { canvas } = required(instance, args, 'canvasGetImageData');
  const scale = canvas.width / Math.max(1, canvas.clientWidth);
  const [x, y, width, height] = region(args);
  const copy = document.createElement('canvas');
  copy.width = width;
  copy.height = height;
  const ctx = copy.getContext('2d');
  ctx?.drawImage(canvas, x * scale, y * scale, width * scale, height * scale, 0, 0, width, height);
  const data = ctx?.getImageData(0, 0, width, height).data ?? new Uint8ClampedArray(width * height * 4);
  return { width, height, data };
}

/** Writes RGBA pixels (one quadruple per CSS pixel) into the region, replacing what was there. */
export function putCanvasPixels(instance: ViewInstance | undefined, args: Data): void {
  const { canvas } = required(instance, args, 'canvasPutImageData');
  const [x, y, width, height] = region(args);
  const data = args['data'];
  if (!(data instanceof Uint8ClampedArray) || data.length !== width * height * 4) {
    throw new Error('canvasPutImageData:fail data must hold width × height × 4 values');
  }
  const copy = document.createElement('canvas');
  copy.width = width;
  copy.height = height;
  copy.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
  const ctx = canvas.getContext('2d');
  const scale = canvas.width / Math.max(1, canvas.clientWidth);
  if (ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(x * scale, y * scale, width * scale, height * scale);
    ctx.drawImage(copy, x * scale, y * scale, width * scale, height * scale);
    ctx.restore();
  }
}

function required(instance: ViewInstance | undefined, args: Data, api: string): { element: HTMLElement; canvas: HTMLCanvasElement } {
  const found = findCanvas(instance, String(args['canvasId'] ?? ''));
  const ctx = found?.canvas.getContext('2d');
  if (!found || !ctx) {
    throw new Error(`${api}:fail canvas "${String(args['canvasId'] ?? '')}" not found`);
  }
  if (!sized.has(found.canvas)) {
    resetSurface(found.canvas, ctx);
  }
  return found;
}

function region(args: Data): [number, number, number, number] {
  const value = (key: string) => Math.round(Number(args[key] ?? 0));
  const [width, height] = [value('width'), value('height')];
  if (width <= 0 || height <= 0) {
    throw new Error('the width and height must be positive');
  }
  return [value('x'), value('y'), width, height];
}

/**
 * A legacy canvas's picture as PNG or JPEG: the area x, y, width, height (CSS pixels, the whole canvas by
 * default) at destWidth × destHeight (that area times the pixel density by default).
 */
export async function canvasImage(instance: ViewInstance | undefined, args: Data): Promise<Blob> {
  const { canvas } = required(instance, args, 'canvasToTempFilePath');
  const scale = canvas.width / Math.max(1, canvas.clientWidth);
  const number = (key: string, fallback: number) => (typeof args[key] === 'number' ? (args[key] as number) : fallback);
  const x = number('x', 0);
  const y = number('y', 0);
  const width = number('width', canvas.clientWidth - x);
  const height = number('height', canvas.clientHeight - y);
  const copy = document.createElement('canvas');
  copy.width = Math.max(1, Math.round(number('destWidth', width * scale)));
  copy.height = Math.max(1, Math.round(number('destHeight', height * scale)));
  copy.getContext('2d')?.drawImage(canvas, x * scale, y * scale, width * scale, height * scale, 0, 0, copy.width, copy.height);
  const type = args['type'] === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  return new Promise<Blob>((resolve, reject) => {
    try {
      copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvasToTempFilePath:fail the canvas is empty'))), type, number('quality', 1));
    } catch {
      reject(new Error('canvasToTempFilePath:fail the canvas holds an image from another site'));
    }
  });
}
