// Files a program got at run time (wx.downloadFile, wx.chooseImage, …), kept by the host and named by
// WeChat-style temporary paths (wxfile://tmp_<random>.<ext>) that the program passes around: to <image src>,
// to wx.uploadFile, to the file system manager. They live as long as the page that holds the host.
const files = new Map<string, Blob>();

const PREFIX = 'wxfile://tmp_';

/** Keeps a blob and answers the temporary path that names it. */
export function addTempFile(blob: Blob, ext: string): string {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  const clean = ext.replace(/^\./, '').replace(/[^a-z0-9]/gi, '').slice(0, 8).toLowerCase();
  const path = `${PREFIX}${id}${clean ? `.${clean}` : ''}`;
  files.set(path, blob);
  return path;
}

/** The blob a temporary path names, if this host made it. */
export function getTempFile(path: string): Blob | undefined {
  return files.get(path);
}

export function isTempPath(path: string): boolean {
  return path.startsWith(PREFIX);
}
