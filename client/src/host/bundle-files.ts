// The text of bundle files, kept in memory while the page lives: a bundle file is named by the hash of
// its content, so a URL always means the same text, and reopening a program (or opening another that
// shares a file) reads its code without a request. The least recently used files go past a budget.
const BUDGET_CHARS = 32 * 1024 * 1024;

const files = new Map<string, Promise<string>>();
const sizes = new Map<string, number>();
let total = 0;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${response.statusText}`);
  }
  return response.text();
}

function evict(): void {
  for (const [url, size] of sizes) {
    if (total <= BUDGET_CHARS) {
      return;
    }
    sizes.delete(url);
    files.delete(url);
    total -= size;
  }
}

/** A bundle file's text, fetched once; a failed fetch is forgotten, so the next call tries again. */
export function bundleFile(url: string): Promise<string> {
  const kept = files.get(url);
  if (kept) {
    files.delete(url);
    files.set(url, kept);
    const size = sizes.get(url);
    if (size !== undefined) {
      sizes.delete(url);
      sizes.set(url, size);
    }
    return kept;
  }
  const text = fetchText(url);
  files.set(url, text);
  text.then(
    (value) => {
      if (files.get(url) === text) {
        sizes.set(url, value.length);
        total += value.length;
        evict();
      }
    },
    () => files.get(url) === text && files.delete(url),
  );
  return text;
}
