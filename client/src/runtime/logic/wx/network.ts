// wx.request, wx.downloadFile and wx.uploadFile: the host makes the call through the server's proxy (the
// Worker has no network). Each returns its task at once, as WeChat does; abort() fails the call with
// "name:fail abort", and onProgressUpdate listeners hear of the finished transfer.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { ApiFailure, asyncApi } from './callback-style';

let nextTaskId = 1;

type Listener = (result: Data) => void;

function callArgs(options: Data): Data {
  const args: Data = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') {
      continue;
    }
    args[key] = key === 'data' && value instanceof ArrayBuffer ? value : toTransferable(value);
  }
  return args;
}

function networkApi(name: 'request' | 'downloadFile' | 'uploadFile'): (options?: Data) => Data {
  return (options?: Data) => {
    const taskId = nextTaskId++;
    let aborted = false;
    const progress = new Set<Listener>();
    const headers = new Set<Listener>();
    const api = asyncApi(name, async (args) => {
      const answer = await request(name, { ...callArgs(args), taskId });
      if (aborted) {
        throw new ApiFailure('abort');
      }
      if (!answer.ok) {
        throw new ApiFailure(answer.errMsg ?? 'failed');
      }
      const result = (answer.result as Data | undefined) ?? {};
      for (const listener of headers) {
        guard(() => listener({ header: result['header'] ?? {} }));
      }
      const total = Number(result['totalBytes'] ?? 0);
      for (const listener of progress) {
        guard(() => listener({ progress: 100, totalBytesWritten: total, totalBytesExpectedToWrite: total, totalBytesSent: total, totalBytesExpectedToSend: total }));
      }
      delete result['totalBytes'];
      return result;
    });
    const outcome = api({ ...(options ?? {}), success: options?.['success'] ?? (() => undefined) });
    outcome?.catch(() => undefined);
    return {
      abort: () => {
        if (!aborted) {
          aborted = true;
          void request('abortNetworkTask', { taskId });
        }
      },
      onProgressUpdate: (listener: Listener) => progress.add(listener),
      offProgressUpdate: (listener: Listener) => progress.delete(listener),
      onHeadersReceived: (listener: Listener) => headers.add(listener),
      offHeadersReceived: (listener: Listener) => headers.delete(listener),
    };
  };
}

/** The file system manager, for the temporary files the host keeps (downloads, chosen images). */
export function networkApis(): Data {
  return {
    request: networkApi('request'),
    downloadFile: networkApi('downloadFile'),
    uploadFile: networkApi('uploadFile'),
  };
}
