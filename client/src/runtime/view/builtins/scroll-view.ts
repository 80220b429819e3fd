// <scroll-view>: the element itself scrolls (x, y or both), follows scroll-top, scroll-left and
// scroll-into-view, and raises scroll, scrolltoupper and scrolltolower.
import { attributesOf, flag, number, remember, text, type Attributes, type Builtin } from './builtin';

const last = new WeakMap<HTMLElement, { top: unknown; left: unknown; into: unknown; x: number; y: number; atLower: boolean; atUpper: boolean }>();

export const scrollView: Builtin = {
  create(element, context) {
    last.set(element, { top: undefined, left: undefined, into: undefined, x: 0, y: 0, atLower: false, atUpper: true });
    element.addEventListener('scroll', () => {
      const state = last.get(element);
      if (!state) {
        return;
      }
      const attributes = attributesOf(element);
      const vertical = flag(attributes['scrollY']);
      const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = element;
      context.fire(element, 'scroll', { scrollTop, scrollLeft, scrollHeight, scrollWidth, deltaX: scrollLeft - state.x, deltaY: scrollTop - state.y });
      state.x = scrollLeft;
      state.y = scrollTop;
      const lower = number(attributes['lowerThreshold'], 50);
      const upper = number(attributes['upperThreshold'], 50);
      const atLower = vertical ? scrollTop + clientHeight >= scrollHeight - lower : scrollLeft + clientWidth >= scrollWidth - lower;
      const atUpper = vertical ? scrollTop <= upper : scrollLeft <= upper;
      if (atLower && !state.atLower) {
        context.fire(element, 'scrolltolower', { direction: vertical ? 'bottom' : 'right' });
      }
      if (atUpper && !state.atUpper) {
        context.fire(element, 'scrolltoupper', { direction: vertical ? 'top' : 'left' });
      }
      state.atLower = atLower;
      state.atUpper = atUpper;
    }, { passive: true });
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    element.style.overflowX = flag(attributes['scrollX']) ? 'auto' : 'hidden';
    element.style.overflowY = flag(attributes['scrollY']) ? 'auto' : 'hidden';
    element.style.scrollBehavior = flag(attributes['scrollWithAnimation']) ? 'smooth' : 'auto';
    const state = last.get(element);
    if (!state) {
      return;
    }
    queueMicrotask(() => {
      if (attributes['scrollTop'] !== state.top) {
        state.top = attributes['scrollTop'];
        element.scrollTop = number(attributes['scrollTop'], element.scrollTop);
      }
      if (attributes['scrollLeft'] !== state.left) {
        state.left = attributes['scrollLeft'];
        element.scrollLeft = number(attributes['scrollLeft'], element.scrollLeft);
      }
      const into = text(attributes['scrollIntoView']);
      if (into && into !== state.into) {
        const target = (element.getRootNode() as ShadowRoot).getElementById?.(into);
        if (target && element.contains(target)) {
          element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top;
          element.scrollLeft += target.getBoundingClientRect().left - element.getBoundingClientRect().left;
        }
      }
      state.into = into;
    });
  },
};
