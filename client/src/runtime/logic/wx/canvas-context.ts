// The legacy canvas API: wx.createCanvasContext(canvasId, component) and wx.createContext() record drawing
// calls here in the Worker; CanvasContext.draw and wx.drawCanvas send them to the view, which replays them on
// the <canvas canvas-id> element. wx.canvasToTempFilePath turns a canvas (legacy, or a type="2d" node) into a
// temporary file the host keeps.
import { RECORDED_METHODS, type CanvasAction, type CanvasDrawing, type CanvasGradient } from '../../bridge/canvas-actions';
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { instanceOf } from '../framework/instance';
import { ApiFailure, asyncApi } from './callback-style';

const DEFAULT_FONT = '10px sans-serif';

/** A gradient the program fills or strokes with; its stops may be added after it is set, so it is read at draw time. */
class Gradient {
  readonly stops: [number, string][] = [];

  constructor(
    readonly kind: CanvasGradient['gradient'],
    readonly args: number[],
  ) {}

  addColorStop(offset: unknown, color: unknown): void {
    this.stops.push([Number(offset), String(color)]);
  }

  describe(): CanvasGradient {
    return { gradient: this.kind, args: this.args, stops: [...this.stops] };
  }
}

/** The property-style setters of the newer CanvasContext (ctx.fillStyle = …) and the call each records. */
const PROPERTIES: Record<string, string> = {
  fillStyle: 'setFillStyle',
  strokeStyle: 'setStrokeStyle',
  lineWidth: 'setLineWidth',
  lineCap: 'setLineCap',
  lineJoin: 'setLineJoin',
  miterLimit: 'setMiterLimit',
  textAlign: 'setTextAlign',
  textBaseline: 'setTextBaseline',
  globalAlpha: 'setGlobalAlpha',
  globalCompositeOperation: 'setGlobalCompositeOperation',
  font: 'setFont',
};

let measurer: OffscreenCanvasRenderingContext2D | null | undefined;

function measure(font: string, text: string): number {
  measurer ??= new OffscreenCanvas(1, 1).getContext('2d');
  if (!measurer) {
    return 0;
  }
  measurer.font = font;
  return measurer.measureText(text).width;
}

function plain(value: unknown): unknown {
  return value instanceof Gradient ? value.describe() : value;
}

/** A recording context; `send` delivers its drawing (CanvasContext.draw), absent for wx.createContext's. */
function recordingContext(send?: (reserve: boolean, actions: CanvasAction[]) => Promise<unknown>): Data {
  let actions: { method: string; args: unknown[] }[] = [];
  const values: Data = {};
  let font = DEFAULT_FONT;
  const record = (method: string, args: unknown[]) => {
    actions.push({ method, args });
  };
  const context: Data = {};
  for (const method of RECORDED_METHODS) {
    context[method] = (...args: unknown[]) => record(method, args);
  }
  Object.assign(context, {
    setFontSize(size: unknown) {
      font = font.replace(/^(.*?)(\d+(\.\d+)?)px/, (_, before: string) => `${before}${Number(size)}px`);
      record('setFontSize', [size]);
    },
    createLinearGradient: (x0: unknown, y0: unknown, x1: unknown, y1: unknown) => new Gradient('linear', [x0, y0, x1, y1].map(Number)),
    createCircularGradient: (x: unknown, y: unknown, r: unknown) => new Gradient('circular', [x, y, r].map(Number)),
    measureText: (text: unknown) => ({ width: measure(font, String(text)) }),
    getActions: () => actions.map((a) => ({ method: a.method, args: a.args.map(plain) })),
    clearActions() {
      actions = [];
    },
  });
  for (const [property, method] of Object.entries(PROPERTIES)) {
    Object.defineProperty(context, property, {
      get: () => (property === 'font' ? font : values[property]),
      set: (value: unknown) => {
        values[property] = value;
        if (property === 'font') {
          font = String(value);
        }
        record(method, [value]);
      },
      enumerable: true,
    });
  }
  if (send) {
    context['draw'] = (reserve?: unknown, callback?: unknown) => {
      const done = typeof reserve === 'function' ? reserve : callback;
      const drawing = (context['getActions'] as () => CanvasAction[])();
      actions = [];
      void send(typeof reserve === 'boolean' ? reserve : false, drawing).then(() => {
        if (typeof done === 'function') {
          guard(() => (done as () => void)());
        }
      });
    };
  }
  return context;
}

function draw(drawing: CanvasDrawing): Promise<void> {
  return request('drawCanvas', toTransferable(drawing) as Data).then((answer) => {
    if (!answer.ok) {
      console.warn(answer.errMsg ?? 'drawCanvas failed');
    }
  });
}

/** The page or component whose canvas a call names: the given component, else the current page. */
function scopeOf(component: unknown, currentPage: () => number): number {
  return instanceOf(component)?.id ?? currentPage();
}

async function saveTempFile(blob: Blob, ext: string): Promise<string> {
  const answer = await request('saveTempFile', { blob, ext });
  const path = (answer.result as { tempFilePath?: unknown } | undefined)?.tempFilePath;
  if (!answer.ok || typeof path !== 'string') {
    throw new ApiFailure(answer.errMsg ?? 'the file could not be kept');
  }
  return path;
}

/** A canvas type="2d" (an OffscreenCanvas here) as an image: the area asked for, scaled to the size asked for. */
async function exportSurface(surface: OffscreenCanvas, options: Data, type: string): Promise<Blob> {
  const x = Number(options['x'] ?? 0);
  const y = Number(options['y'] ?? 0);
  const width = Number(options['width'] ?? surface.width - x);
  const height = Number(options['height'] ?? surface.height - y);
  const copy = new OffscreenCanvas(Math.max(1, Math.round(Number(options['destWidth'] ?? width))), Math.max(1, Math.round(Number(options['destHeight'] ?? height))));
  copy.getContext('2d')?.drawImage(surface, x, y, width, height, 0, 0, copy.width, copy.height);
  return copy.convertToBlob({ type, quality: Number(options['quality'] ?? 1) });
}

export function canvasApis(currentPage: () => number): Data {
  const toTempFile = (component: unknown) =>
    asyncApi('canvasToTempFilePath', async (options) => {
      const fileType = options['fileType'] === 'jpg' ? 'jpg' : 'png';
      const type = fileType === 'jpg' ? 'image/jpeg' : 'image/png';
      const surface = options['canvas'];
      if (surface instanceof OffscreenCanvas) {
        return { tempFilePath: await saveTempFile(await exportSurface(surface, options, type), fileType) };
      }
      const args: Data = { scope: scopeOf(component, currentPage), canvasId: String(options['canvasId'] ?? ''), type, fileType };
      for (const key of ['x', 'y', 'width', 'height', 'destWidth', 'destHeight', 'quality']) {
        if (typeof options[key] === 'number') {
          args[key] = options[key];
        }
      }
      const answer = await request('canvasToTempFilePath', args);
      if (!answer.ok) {
        throw new ApiFailure(answer.errMsg ?? 'failed');
      }
      return answer.result as Data;
    });
  const pixels = (name: 'canvasGetImageData' | 'canvasPutImageData', component: unknown) =>
    asyncApi(name, async (options) => {
      const args: Data = { scope: scopeOf(component, currentPage), canvasId: String(options['canvasId'] ?? '') };
      for (const key of ['x', 'y', 'width', 'height']) {
        args[key] = Number(options[key] ?? 0);
      }
      if (name === 'canvasPutImageData') {
        const data = options['data'];
        args['data'] = data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(Array.isArray(data) ? (data as number[]) : []);
      }
      const answer = await request(name, args);
      if (!answer.ok) {
        throw new ApiFailure(answer.errMsg ?? 'failed');
      }
      return answer.result as Data;
    });
  return {
    canvasGetImageData: (options?: Data, component?: unknown) => pixels('canvasGetImageData', component)(options),
    canvasPutImageData: (options?: Data, component?: unknown) => pixels('canvasPutImageData', component)(options),
    createCanvasContext: (canvasId: unknown, component?: unknown) => {
      const scope = scopeOf(component, currentPage);
      return recordingContext((reserve, actions) => draw({ scope, canvasId: String(canvasId), reserve, actions }));
    },
    createContext: () => recordingContext(),
    drawCanvas: (options?: Data) => {
      const actions = Array.isArray(options?.['actions']) ? (options['actions'] as CanvasAction[]) : [];
      void draw({ scope: currentPage(), canvasId: String(options?.['canvasId'] ?? ''), reserve: options?.['reserve'] === true, actions: actions.map((a) => ({ method: a.method, args: a.args.map(plain) })) });
    },
    canvasToTempFilePath: (options?: Data, component?: unknown) => toTempFile(component)(options),
  };
}
