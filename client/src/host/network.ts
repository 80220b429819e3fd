// wx.request, wx.uploadFile and wx.downloadFile, made for the program by the server's proxy: the
// program's frame has no network of its own. The proxy checks the program's domain lists; its refusals
// come back as WeChat's reasons ("url not in domain list") and any HTTP status is a successful call.
import { addTempFile, getTempFile } from './temp-files';

type Args = Record<string, unknown>;

interface ProxyAnswer {
  statusCode: number;
  header: Record<string, string>;
  dataBase64: string;
}

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function headers(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [name, v] of Object.entries(value as Args)) {
      if (v !== undefined && v !== null) {
        result[name] = String(v);
      }
    }
  }
  return result;
}

function headerValue(header: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(header).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : header[key];
}

function query(data: Args): string {
  return Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

/** WeChat's encoding of `data`: a query string for GET, JSON or form text by content-type, strings and ArrayBuffers as they are. */
function body(url: string, method: string, header: Record<string, string>, data: unknown): { url: string; bytes?: Uint8Array } {
  if (data === undefined || data === null) {
    return { url };
  }
  if (data instanceof ArrayBuffer) {
    return { url, bytes: new Uint8Array(data) };
  }
  if (typeof data === 'object' && method === 'GET') {
    const q = query(data as Args);
    return { url: q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url };
  }
  if (typeof data === 'object') {
    const form = (headerValue(header, 'content-type') ?? '').includes('application/x-www-form-urlencoded');
    return { url, bytes: encoder.encode(form ? query(data as Args) : JSON.stringify(data)) };
  }
  return method === 'GET' ? { url } : { url, bytes: encoder.encode(String(data)) };
}

export class NetworkCalls {
  private readonly aborts = new Map<number, AbortController>();

  /** `apiBase` is where the proxy is served for this program (`/api/programs/<appid>` in the shell). */
  constructor(private readonly apiBase: string) {}

  abort(taskId: number): void {
    this.aborts.get(taskId)?.abort();
  }

  private async proxy(kind: 'request' | 'upload' | 'download', taskId: number, call: Args): Promise<ProxyAnswer> {
    const controller = new AbortController();
    this.aborts.set(taskId, controller);
    try {
      const response = await fetch(`${this.apiBase}/proxy/${kind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(call),
        signal: controller.signal,
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        throw new Error(problem.detail ?? `proxy answered ${response.status}`);
      }
      return (await response.json()) as ProxyAnswer;
    } catch (error) {
      throw controller.signal.aborted ? new Error('abort') : error;
    } finally {
      this.aborts.delete(taskId);
    }
  }

  /** Whether the program's web-view may show the page at `url` (an https page of a domain in its request list). */
  async webView(url: string): Promise<Args> {
    const response = await fetch(`${this.apiBase}/web-view?url=${encodeURIComponent(url)}`);
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new Error(problem.detail ?? `the check answered ${response.status}`);
    }
    return (await response.json()) as Args;
  }

  async request(args: Args): Promise<Args> {
    const method = String(args['method'] ?? 'GET').toUpperCase();
    const header = headers(args['header']);
    if (headerValue(header, 'content-type') === undefined) {
      header['content-type'] = 'application/json';
    }
    const { url, bytes } = body(String(args['url'] ?? ''), method, header, args['data']);
    const answer = await this.proxy('request', Number(args['taskId']), {
      url,
      method,
      header,
      dataBase64: bytes ? toBase64(bytes) : null,
      timeout: typeof args['timeout'] === 'number' ? args['timeout'] : null,
    });
    const received = fromBase64(answer.dataBase64);
    let data: unknown;
    if (args['responseType'] === 'arraybuffer') {
      data = received.buffer;
    } else {
      data = new TextDecoder().decode(received);
      if ((args['dataType'] ?? 'json') === 'json') {
        try {
          data = JSON.parse(data as string) as unknown;
        } catch {
          // WeChat hands over the text when it is not JSON.
        }
      }
    }
    return { data, statusCode: answer.statusCode, header: answer.header, cookies: [] };
  }

  async downloadFile(args: Args): Promise<Args> {
    const url = String(args['url'] ?? '');
    const answer = await this.proxy('download', Number(args['taskId']), {
      url,
      header: headers(args['header']),
      timeout: typeof args['timeout'] === 'number' ? args['timeout'] : null,
    });
    const bytes = fromBase64(answer.dataBase64);
    const type = headerValue(answer.header, 'content-type')?.split(';')[0]?.trim() ?? '';
    const fromUrl = /\.([a-z0-9]{1,8})(?:[?#]|$)/i.exec(new URL(url).pathname)?.[1] ?? '';
    const ext = fromUrl || type.split('/')[1]?.replace('jpeg', 'jpg').replace('svg+xml', 'svg') || '';
    const tempFilePath = addTempFile(new Blob([bytes], { type }), ext);
    return { tempFilePath, statusCode: answer.statusCode, totalBytes: bytes.length };
  }

  async uploadFile(args: Args): Promise<Args> {
    const filePath = String(args['filePath'] ?? '');
    const file = getTempFile(filePath);
    if (!file) {
      throw new Error(`file not found: ${filePath}`);
    }
    const formData: Record<string, string> = {};
    for (const [k, v] of Object.entries((args['formData'] as Args | undefined) ?? {})) {
      formData[k] = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    }
    const answer = await this.proxy('upload', Number(args['taskId']), {
      url: String(args['url'] ?? ''),
      name: String(args['name'] ?? ''),
      fileName: filePath.slice('wxfile://'.length),
      fileBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
      header: headers(args['header']),
      formData,
      timeout: typeof args['timeout'] === 'number' ? args['timeout'] : null,
    });
    return { data: new TextDecoder().decode(fromBase64(answer.dataBase64)), statusCode: answer.statusCode, totalBytes: file.size };
  }
}
