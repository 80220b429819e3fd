// The legacy canvas's drawing, as the logic layer records it (wx.createCanvasContext, wx.createContext) and
// the view replays it on a <canvas canvas-id> element (CanvasContext.draw, wx.drawCanvas).

/** A gradient made by createLinearGradient or createCircularGradient, with its colour stops. */
export interface CanvasGradient {
  gradient: 'linear' | 'circular';
  /** x0, y0, x1, y1 for a linear gradient; x, y, r for a circular one. */
  args: number[];
  stops: [number, string][];
}

/** One recorded call: a CanvasContext method with its arguments (a colour may be a gradient). */
export interface CanvasAction {
  method: string;
  args: unknown[];
}

/** What the view is asked to draw on the canvas named `canvasId` in the page or component `scope`. */
export interface CanvasDrawing {
  scope: number;
  canvasId: string;
  reserve: boolean;
  actions: CanvasAction[];
}

/** CanvasContext methods the logic layer records as they are, arguments untouched. */
export const RECORDED_METHODS = [
  'setFillStyle',
  'setStrokeStyle',
  'setLineWidth',
  'setLineCap',
  'setLineJoin',
  'setMiterLimit',
  'setLineDash',
  'setTextAlign',
  'setTextBaseline',
  'setGlobalAlpha',
  'setShadow',
  'fillRect',
  'strokeRect',
  'clearRect',
  'rect',
  'beginPath',
  'closePath',
  'moveTo',
  'lineTo',
  'arc',
  'arcTo',
  'quadraticCurveTo',
  'bezierCurveTo',
  'fill',
  'stroke',
  'clip',
  'fillText',
  'strokeText',
  'drawImage',
  'save',
  'restore',
  'translate',
  'rotate',
  'scale',
  'transform',
  'setTransform',
] as const;

/** The methods a drawing may contain (the recorded ones and those the context's own setters record); anything else is dropped by the view. */
export const CANVAS_METHODS = new Set<string>([...RECORDED_METHODS, 'setFontSize', 'setFont', 'setGlobalCompositeOperation']);
