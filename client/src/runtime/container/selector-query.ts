// Answers the logic layer's selector queries by measuring the view: nodes are looked up inside the
// page's or component's own shadow root, with a component's class selectors scoped like its styles.
import type { Data } from '../bridge/messages';
import { datasetOf } from '../view/attributes';
import type { ViewInstance } from '../view/instance';
import { nodeOf } from '../view/patch';
import { canvasNode } from './canvas-node';

interface QueryRequest {
  selector: string;
  all: boolean;
  fields: Data;
}

/** A selector as it matches in an instance's shadow root: a component's class names carry its scope prefix. */
export function scopedSelector(selector: string, instance: ViewInstance): string {
  const component = instance.component;
  return component ? selector.replace(/\.(-?[_a-zA-Z][\w-]*)/g, (_, name: string) => `.${component.scope}--${name}`) : selector;
}

function describe(element: HTMLElement, fields: Data): Data {
  const result: Data = {};
  const node = nodeOf(element);
  if (fields['id']) {
    result['id'] = element.id;
  }
  if (fields['dataset']) {
    result['dataset'] = datasetOf(node);
  }
  if (fields['rect'] || fields['size']) {
    const rect = element.getBoundingClientRect();
    if (fields['rect']) {
      Object.assign(result, { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
    }
    if (fields['size']) {
      Object.assign(result, { width: rect.width, height: rect.height });
    }
  }
  if (fields['scrollOffset']) {
    Object.assign(result, { scrollLeft: element.scrollLeft, scrollTop: element.scrollTop, scrollWidth: element.scrollWidth, scrollHeight: element.scrollHeight });
  }
  if (Array.isArray(fields['properties'])) {
    for (const name of fields['properties'] as unknown[]) {
      result[String(name)] = node?.attr[String(name)];
    }
  }
  if (Array.isArray(fields['computedStyle'])) {
    const style = getComputedStyle(element);
    for (const name of fields['computedStyle'] as unknown[]) {
      result[String(name)] = style.getPropertyValue(String(name).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    }
  }
  if (fields['node'] || fields['context']) {
    result['node'] = canvasNode(element);
  }
  return result;
}

function viewport(page: HTMLElement | undefined, fields: Data): Data {
  const result: Data = {};
  if (fields['rect'] || fields['size']) {
    Object.assign(result, { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight, width: window.innerWidth, height: window.innerHeight });
  }
  if (fields['scrollOffset'] && page) {
    Object.assign(result, { scrollLeft: page.scrollLeft, scrollTop: page.scrollTop, scrollWidth: page.scrollWidth, scrollHeight: page.scrollHeight });
  }
  return result;
}

export function answerQuery(instance: ViewInstance | undefined, page: HTMLElement | undefined, requests: QueryRequest[]): unknown[] {
  return requests.map((request) => {
    if (request.selector === 'viewport') {
      return viewport(page, request.fields);
    }
    if (!instance) {
      return null;
    }
    let selector: string;
    try {
      selector = scopedSelector(request.selector, instance);
      instance.root.querySelector(selector);
    } catch {
      return null;
    }
    if (request.all) {
      return Array.from(instance.root.querySelectorAll<HTMLElement>(selector)).map((e) => describe(e, request.fields));
    }
    const element = instance.root.querySelector<HTMLElement>(selector);
    return element ? describe(element, request.fields) : null;
  });
}
