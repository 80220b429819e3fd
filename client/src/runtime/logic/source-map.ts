// Maps the positions in a program's error stacks back to its own files. Each logic script ends with a
// sourceMappingURL naming its map; the map is fetched from the host (the Worker has no network) the first
// time an error passes through that script, and frames like (blob:…:1:2345) become (pages/a/a.js:12:5).
import { request } from './channel';

interface Segment {
  column: number;
  source: number;
  line: number;
  sourceColumn: number;
}

interface DecodedMap {
  sources: string[];
  lines: Segment[][];
}

const mapNames = new Map<string, string>();
const maps = new Map<string, Promise<DecodedMap | undefined>>();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Remembers which map describes a script run from `url` (read from its sourceMappingURL comment). */
export function registerScript(url: string, source: string): void {
  const name = /\/\/# sourceMappingURL=([\w.-]+\.map)\s*$/.exec(source)?.[1];
  if (name) {
    mapNames.set(url, name);
  }
}

function decode(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const part of text.split(',')) {
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of part) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (values.length >= 4) {
        column += values[0] as number;
        source += values[1] as number;
        line += values[2] as number;
        sourceColumn += values[3] as number;
        segments.push({ column, source, line, sourceColumn });
      } else if (values.length > 0) {
        column += values[0] as number;
      }
    }
    lines.push(segments);
  }
  return lines;
}

function load(name: string): Promise<DecodedMap | undefined> {
  let map = maps.get(name);
  if (!map) {
    map = request('sourceMap', { name }).then((answer) => {
      const json = answer.ok ? (answer.result as { map?: unknown } | undefined)?.map : undefined;
      if (typeof json !== 'string') {
        return undefined;
      }
      const parsed = JSON.parse(json) as { sources?: string[]; mappings?: string };
      return { sources: parsed.sources ?? [], lines: decode(parsed.mappings ?? '') };
    });
    maps.set(name, map);
  }
  return map;
}

function lookup(map: DecodedMap, line: number, column: number): string | undefined {
  const segments = map.lines[line - 1] ?? [];
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.column > column - 1) {
      break;
    }
    found = segment;
  }
  return found ? `${map.sources[found.source] ?? '?'}:${found.line + 1}:${found.sourceColumn + 1}` : undefined;
}

/**
 * The text with every position in a program script replaced by the original file:line:col; frames of the
 * runtime's own code (scripts without a map) are left out, as they say nothing about the program.
 */
export async function mapStack(text: string): Promise<string> {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const frame = /(blob:[^\s()]+):(\d+):(\d+)/.exec(line);
    if (!frame) {
      lines.push(line);
      continue;
    }
    const [whole, url, row, column] = frame;
    const name = mapNames.get(url ?? '');
    const map = name ? await load(name).catch(() => undefined) : undefined;
    const original = map ? lookup(map, Number(row), Number(column)) : undefined;
    if (original) {
      lines.push(line.replace(whole, original));
    }
  }
  return lines.join('\n');
}
