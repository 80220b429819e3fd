// WeChat's asynchronous API calling convention: success/fail/complete callbacks, or a Promise when none
// is given. Results carry errMsg "name:ok"; failures "name:fail reason".
import type { Data } from '../../bridge/messages';
import { guard } from '../errors';

export type AsyncApi = (options?: Data) => Promise<Data> | undefined;

export class ApiFailure extends Error {}

function hasCallbacks(options: Data | undefined): boolean {
  return Boolean(options && ['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function'));
}

/** Wraps an implementation that resolves with a result or throws an ApiFailure with the reason. */
export function asyncApi(name: string, implementation: (options: Data) => Promise<Data | void> | Data | void): AsyncApi {
  return (options?: Data) => {
    const args = options && typeof options === 'object' ? options : {};
    const run = async (): Promise<Data> => {
      const result = (await implementation(args)) ?? {};
      return { ...result, errMsg: `${name}:ok` };
    };
    const outcome = run().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw { errMsg: reason.startsWith(`${name}:fail`) ? reason : `${name}:fail ${reason}` };
    });
    if (!hasCallbacks(args)) {
      return outcome;
    }
    const call = (key: string, value: unknown) => {
      const fn = args[key];
      if (typeof fn === 'function') {
        guard(() => (fn as (v: unknown) => void).call(undefined, value));
      }
    };
    outcome.then(
      (result) => {
        call('success', result);
        call('complete', result);
      },
      (failure: unknown) => {
        call('fail', failure);
        call('complete', failure);
      },
    );
    return undefined;
  };
}

/** An API Capsule does not offer: it answers "name:fail not supported" through its callbacks or promise. */
export function notSupported(name: string): AsyncApi {
  const api = asyncApi(name, () => {
    throw new ApiFailure('not supported');
  });
  return (options?: Data) => {
    const outcome = api(options);
    outcome?.catch(() => undefined);
    return outcome;
  };
}
