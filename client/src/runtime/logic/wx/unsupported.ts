// What a program gets for a wx API Capsule does not offer, so that code written for WeChat keeps running: listeners
// (on*, off*) are accepted and never called; a Sync API returns undefined and warns; an API that makes a context or
// a manager (createMapContext, getRecorderManager, …) returns one whose methods answer the same way; any other
// answers "name:fail not supported" through its callbacks or promise.
import type { Data } from '../../bridge/messages';
import { notSupported } from './callback-style';

export function unsupported(name: string): unknown {
  const method = name.slice(name.lastIndexOf('.') + 1);
  if (/^(on|off)[A-Z]/.test(method)) {
    return () => undefined;
  }
  if (method.endsWith('Sync')) {
    return () => {
      console.warn(`wx.${name} is not supported in Capsule`);
      return undefined;
    };
  }
  if (/^create[A-Z]|^get\w*Manager$/.test(method)) {
    return () => {
      console.warn(`wx.${name} is not supported in Capsule: its methods answer "not supported"`);
      return partial(method.replace(/^create|^get/, '').replace(/^./, (c) => c.toLowerCase()), {});
    };
  }
  return notSupported(name);
}

/**
 * An object with the methods Capsule has; any other method of it answers as an unsupported API named `<object>.<method>`
 * (only `<method>` for the wx object itself, named '').
 */
export function partial(object: string, implemented: Data): Data {
  const stubs = new Map<string, unknown>();
  return new Proxy(implemented, {
    get(target, name) {
      if (typeof name !== 'string' || name === 'then' || Object.hasOwn(target, name)) {
        return Reflect.get(target, name);
      }
      if (!stubs.has(name)) {
        stubs.set(name, unsupported(object ? `${object}.${name}` : name));
      }
      return stubs.get(name);
    },
  });
}
