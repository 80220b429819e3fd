// Device APIs answered by the host with its own UI outside the sandbox (photo and video choosers, the
// image viewer, location with the user's consent); the program only gets the result.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { ApiFailure, asyncApi } from './callback-style';

const DEVICE_API_NAMES = ['chooseImage', 'chooseMedia', 'previewImage', 'getLocation'] as const;

export function deviceApis(): Data {
  const apis: Data = {};
  for (const name of DEVICE_API_NAMES) {
    apis[name] = asyncApi(name, async (options) => {
      const args: Data = {};
      for (const [key, value] of Object.entries(options)) {
        if (typeof value !== 'function') {
          args[key] = toTransferable(value);
        }
      }
      const answer = await request(name, args);
      if (!answer.ok) {
        throw new ApiFailure(answer.errMsg ?? 'failed');
      }
      return (answer.result as Data | undefined) ?? {};
    });
  }
  return apis;
}
