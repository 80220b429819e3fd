// wx.onError / offError and wx.onUnhandledRejection / offUnhandledRejection: the program-wide listeners WeChat calls
// beside App.onError and App.onUnhandledRejection.
import type { Data } from '../../bridge/messages';
import { offProgramError, onProgramError } from '../errors';
import { callApp } from '../framework/definitions';
import { listen, notify, unlisten, type Listener } from './listeners';

type ErrorListener = (message: string) => void;

const errorListeners = new Set<ErrorListener>();
const rejectionListeners: Listener[] = [];

export function appErrorApis(): Data {
  return {
    onError: (listener: unknown) => {
      if (typeof listener === 'function' && !errorListeners.has(listener as ErrorListener)) {
        errorListeners.add(listener as ErrorListener);
        onProgramError(listener as ErrorListener);
      }
    },
    offError: (listener?: unknown) => {
      for (const gone of typeof listener === 'function' ? [listener as ErrorListener] : [...errorListeners]) {
        errorListeners.delete(gone);
        offProgramError(gone);
      }
    },
    onUnhandledRejection: listen(rejectionListeners),
    offUnhandledRejection: unlisten(rejectionListeners),
  };
}

/** A promise of the program's was rejected and nothing handled it. */
export function unhandledRejection(reason: unknown, promise: Promise<unknown>): void {
  callApp('onUnhandledRejection', { reason, promise });
  notify(rejectionListeners, () => ({ reason, promise }) as Data);
}

