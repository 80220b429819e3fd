// wx.getLogManager and wx.getRealtimeLogManager. WeChat uploads these logs for the developer's console in its admin
// site; Capsule writes them to the program's console (the browser's developer tools, beside console.log), so code
// written for them runs and its logs are seen.
import type { Data } from '../../bridge/messages';

type Level = 'debug' | 'info' | 'log' | 'warn' | 'error';

function writer(level: Level, prefix: string[]): (...args: unknown[]) => void {
  return (...args) => console[level](...prefix, ...args);
}

function logManager(options?: Data): Data {
  const withDebug = Number(options?.['level'] ?? 0) === 0;
  return {
    debug: withDebug ? writer('debug', []) : () => undefined,
    info: writer('info', []),
    log: writer('log', []),
    warn: writer('warn', []),
  };
}

/**
 * Realtime logs, optionally under a page's route or a tag; filter messages (the manager's, then the logger's own) are
 * written with the logs, as the keywords WeChat files them under.
 */
function realtimeLogger(prefix: string[], inherited: string[], own: string[] = []): Data {
  const tagged = (): string[] => {
    const keywords = [...inherited, ...own];
    return keywords.length > 0 ? [...prefix, `[${keywords.join(' ')}]`] : prefix;
  };
  return {
    info: (...args: unknown[]) => writer('info', tagged())(...args),
    warn: (...args: unknown[]) => writer('warn', tagged())(...args),
    error: (...args: unknown[]) => writer('error', tagged())(...args),
    setFilterMsg: (message: unknown) => {
      own.splice(0, own.length, String(message));
    },
    addFilterMsg: (message: unknown) => {
      own.push(String(message));
    },
  };
}

function realtimeLogManager(): Data {
  const filters: string[] = [];
  return {
    ...realtimeLogger([], [], filters),
    in: (page: unknown) => {
      const route = page !== null && typeof page === 'object' ? (page as Data)['route'] : undefined;
      return realtimeLogger(typeof route === 'string' ? [`[${route}]`] : [], filters);
    },
    tag: (name: unknown) => realtimeLogger([`[${String(name)}]`], []),
  };
}

export function logManagerApis(): Data {
  return { getLogManager: logManager, getRealtimeLogManager: realtimeLogManager };
}
