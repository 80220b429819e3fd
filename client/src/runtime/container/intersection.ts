// The view's side of createIntersectionObserver: one browser IntersectionObserver per program observer,
// reporting changes in WeChat's shape. The viewport is the container's (page scrolling clips it).
import type { Data } from '../bridge/messages';
import { datasetOf } from '../view/attributes';
import type { ViewInstance } from '../view/instance';
import { nodeOf } from '../view/patch';
import { scopedSelector } from './selector-query';

function rect(r: DOMRectReadOnly | null): Data {
  return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height } : { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };
}

function px(margins: Data, side: string): string {
  return `${Number(margins[side] ?? 0) || 0}px`;
}

export class Intersections {
  private readonly observers = new Map<number, IntersectionObserver>();

  constructor(private readonly changed: (observer: number, result: Data) => void) {}

  observe(instance: ViewInstance | undefined, args: Data): void {
    const id = Number(args['observer']);
    this.disconnect(id);
    if (!instance) {
      throw new Error('the page or component is gone');
    }
    const selector = scopedSelector(String(args['selector']), instance);
    const targets = args['all'] ? Array.from(instance.root.querySelectorAll<HTMLElement>(selector)) : [instance.root.querySelector<HTMLElement>(selector)].filter((e) => e !== null);
    const relativeTo = typeof args['relativeTo'] === 'string' ? instance.root.querySelector<HTMLElement>(scopedSelector(args['relativeTo'], instance)) : null;
    const margins = (args['margins'] as Data | undefined) ?? {};
    const thresholds = Array.isArray(args['thresholds']) ? (args['thresholds'] as number[]) : [0];
    const initial = Number(args['initialRatio'] ?? 0);
    const last = new Map<Element, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const before = last.get(entry.target) ?? initial;
          last.set(entry.target, entry.intersectionRatio);
          const crossed = thresholds.some((t) => (before < t) !== (entry.intersectionRatio < t) || (t === 0 && before === 0) !== (entry.intersectionRatio === 0));
          if (!crossed) {
            continue;
          }
          const node = nodeOf(entry.target);
          this.changed(id, {
            id: entry.target.id,
            dataset: datasetOf(node),
            intersectionRatio: entry.intersectionRatio,
            intersectionRect: rect(entry.intersectionRect),
            boundingClientRect: rect(entry.boundingClientRect),
            relativeRect: rect(entry.rootBounds),
            time: Math.round(entry.time),
          });
        }
      },
      { root: relativeTo, rootMargin: `${px(margins, 'top')} ${px(margins, 'right')} ${px(margins, 'bottom')} ${px(margins, 'left')}`, threshold: thresholds },
    );
    for (const target of targets) {
      observer.observe(target);
    }
    this.observers.set(id, observer);
  }

  disconnect(id: number): void {
    this.observers.get(id)?.disconnect();
    this.observers.delete(id);
  }
}
