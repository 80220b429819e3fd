// wx.cloud, WeChat's cloud development (云开发). Capsule has no Tencent Cloud environment, so a program built on it
// starts and shows its pages, and each cloud call fails through its callbacks or promise, as any API Capsule
// does not offer ("cloud.callFunction:fail not supported", "collection.get:fail not supported"), instead of a
// TypeError from a missing method: wx.cloud.init and the database's query and command builders are there so that
// the program's code gets as far as the call.
import type { Data } from '../../bridge/messages';
import { notSupported } from './callback-style';

/** Builders: every method returns another builder (db.command.gt(1).and(…), db.Geo.Point(…)). Not thenable. */
function builder(): unknown {
  return new Proxy({}, { get: (_target, name) => (typeof name !== 'string' || name === 'then' ? undefined : () => builder()) });
}

const RESULTS = new Set(['get', 'count', 'add', 'update', 'set', 'remove', 'end']);

/** A collection, document or aggregate query: its builder methods chain, what runs it fails. */
function query(kind: 'collection' | 'document' | 'aggregate'): unknown {
  return new Proxy(
    {},
    {
      get: (_target, name) => {
        if (typeof name !== 'string' || name === 'then') {
          return undefined;
        }
        if (RESULTS.has(name)) {
          return notSupported(`${kind}.${name}`);
        }
        if (name === 'watch') {
          return (options?: Data) => {
            const onError = options?.['onError'];
            if (typeof onError === 'function') {
              setTimeout(() => (onError as (error: Error) => void)(new Error(`${kind}.watch:fail not supported`)));
            }
            return { close: () => Promise.resolve() };
          };
        }
        return () => query(name === 'doc' ? 'document' : name === 'aggregate' ? 'aggregate' : kind);
      },
    },
  );
}

function database(): Data {
  return {
    collection: () => query('collection'),
    command: builder(),
    Geo: builder(),
    serverDate: () => builder(),
    RegExp: () => builder(),
    startTransaction: notSupported('database.startTransaction'),
    runTransaction: notSupported('database.runTransaction'),
  };
}

function cloud(): Data {
  const api: Data = {
    init: () => undefined,
    database,
    CloudID: (cloudID: unknown) => ({ cloudID }),
  };
  for (const name of ['callFunction', 'callContainer', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile']) {
    api[name] = notSupported(`cloud.${name}`);
  }
  return api;
}

export function cloudApis(): Data {
  return {
    cloud: {
      ...cloud(),
      /** `new wx.cloud.Cloud({resourceEnv})`, a second environment: the same calls, failing the same way. */
      Cloud: function Cloud() {
        return cloud();
      },
    },
  };
}
