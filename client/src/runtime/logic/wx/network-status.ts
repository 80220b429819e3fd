// wx.getNetworkType and wx.onNetworkStatusChange / offNetworkStatusChange, from what the browser tells the logic
// layer's Worker: navigator.onLine with its online and offline events, and the Network Information API where the
// browser has it. A connection the browser does not describe (desktop browsers do not) is reported as 'wifi', the
// fixed line WeChat's developer tools report too.
import type { Data } from '../../bridge/messages';
import { asyncApi } from './callback-style';
import { listen, notify, unlisten, type Listener } from './listeners';

interface Connection extends EventTarget {
  readonly type?: string;
  readonly effectiveType?: string;
}

type NetworkType = 'none' | 'wifi' | '2g' | '3g' | '4g' | '5g' | 'unknown';

function connection(): Connection | undefined {
  return (navigator as Navigator & { connection?: Connection }).connection;
}

function networkType(): NetworkType {
  if (!navigator.onLine) {
    return 'none';
  }
  const info = connection();
  if (info?.type === 'none') {
    return 'none';
  }
  if (info?.type === 'cellular') {
    switch (info.effectiveType) {
      case 'slow-2g':
      case '2g':
        return '2g';
      case '3g':
        return '3g';
      case '4g':
        return '4g';
      default:
        return 'unknown';
    }
  }
  return info?.type === 'other' || info?.type === 'unknown' ? 'unknown' : 'wifi';
}

const listeners: Listener[] = [];
let last: NetworkType | undefined;

function changed(): void {
  const now = networkType();
  if (now !== last) {
    last = now;
    notify(listeners, () => ({ isConnected: now !== 'none', networkType: now }));
  }
}

export function networkStatusApis(): Data {
  return {
    getNetworkType: asyncApi('getNetworkType', () => ({ networkType: networkType(), signalStrength: 0, hasSystemProxy: false })),
    onNetworkStatusChange: (listener: unknown) => {
      if (last === undefined) {
        last = networkType();
        self.addEventListener('online', changed);
        self.addEventListener('offline', changed);
        connection()?.addEventListener('change', changed);
      }
      listen(listeners)(listener);
    },
    offNetworkStatusChange: unlisten(listeners),
  };
}
