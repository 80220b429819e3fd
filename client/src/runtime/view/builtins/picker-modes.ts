// What each picker mode offers in its wheels and what it reports: selector (one list), multiSelector
// (several lists the program links through columnchange), time (hours and minutes within start–end),
// date (years, months, days within start–end, fewer columns by `fields`) and region (province, city,
// district of mainland China).
import { text, type Attributes } from './builtin';
import { regionTree, type Region } from './regions';

export interface PickerMode {
  /** The labels of each wheel. */
  columns(): string[][];
  /** The chosen item of each wheel. */
  selected(): number[];
  /** The user settled a wheel; later wheels follow (the days of a month, the cities of a province). */
  pick(column: number, index: number): void;
  /** The change event's detail for the current choice; its `value` is the picker's new value. */
  detail(): Record<string, unknown>;
}

function labelsOf(range: unknown, key: string): string[] {
  return (Array.isArray(range) ? (range as unknown[]) : []).map((item) =>
    key && item && typeof item === 'object' ? text((item as Record<string, unknown>)[key]) : text(item),
  );
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(length - 1, Math.floor(index) || 0));
}

function selector(attributes: Attributes, value: unknown): PickerMode {
  const labels = labelsOf(attributes['range'], text(attributes['rangeKey']));
  let index = clamp(Number(value), labels.length);
  return {
    columns: () => [labels],
    selected: () => [index],
    pick: (_, i) => (index = i),
    detail: () => ({ value: index }),
  };
}

function multiSelector(attributes: Attributes, value: unknown): PickerMode {
  const range = Array.isArray(attributes['range']) ? (attributes['range'] as unknown[]) : [];
  const columns = range.map((column) => labelsOf(column, text(attributes['rangeKey'])));
  const given = Array.isArray(value) ? (value as unknown[]) : [];
  const indexes = columns.map((labels, i) => clamp(Number(given[i]), labels.length));
  return {
    columns: () => columns,
    selected: () => indexes,
    pick: (column, i) => (indexes[column] = i),
    detail: () => ({ value: [...indexes] }),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

function minutesOf(value: unknown, fallback: number): number {
  const match = /^(\d{1,2}):(\d{1,2})/.exec(text(value));
  return match ? Math.min(23, Number(match[1])) * 60 + Math.min(59, Number(match[2])) : fallback;
}

function time(attributes: Attributes, value: unknown): PickerMode {
  const start = minutesOf(attributes['start'], 0);
  const end = Math.max(start, minutesOf(attributes['end'], 23 * 60 + 59));
  const now = new Date();
  let chosen = Math.min(end, Math.max(start, minutesOf(value, now.getHours() * 60 + now.getMinutes())));
  const hours = () => span(Math.floor(start / 60), Math.floor(end / 60));
  const minutes = () => {
    const hour = Math.floor(chosen / 60);
    return span(hour === Math.floor(start / 60) ? start % 60 : 0, hour === Math.floor(end / 60) ? end % 60 : 59);
  };
  const within = (minute: number) => Math.min(end, Math.max(start, minute));
  return {
    columns: () => [hours().map(pad), minutes().map(pad)],
    selected: () => [hours().indexOf(Math.floor(chosen / 60)), minutes().indexOf(chosen % 60)],
    pick: (column, i) => {
      chosen = column === 0 ? within((hours()[i] ?? 0) * 60 + (chosen % 60)) : within(Math.floor(chosen / 60) * 60 + (minutes()[i] ?? 0));
    },
    detail: () => ({ value: `${pad(Math.floor(chosen / 60))}:${pad(chosen % 60)}` }),
  };
}

type Day = [number, number, number];

function dayOf(value: unknown): Day | undefined {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(text(value));
  return match ? [Number(match[1]), Number(match[2] ?? 1) || 1, Number(match[3] ?? 1) || 1] : undefined;
}

const order = ([y, m, d]: Day) => y * 10000 + m * 100 + d;
const daysIn = (year: number, month: number) => new Date(year, month, 0).getDate();

function date(attributes: Attributes, value: unknown): PickerMode {
  const fields = text(attributes['fields'], 'day');
  const count = fields === 'year' ? 1 : fields === 'month' ? 2 : 3;
  const start = dayOf(attributes['start']) ?? [1900, 1, 1];
  const end = dayOf(attributes['end']) ?? [2100, 12, 31];
  const limit = (day: Day): Day => {
    const [y, m, d] = day;
    const fitted: Day = [y, Math.min(12, Math.max(1, m)), 1];
    fitted[2] = Math.min(daysIn(fitted[0], fitted[1]), Math.max(1, d));
    return order(fitted) < order(start) ? [...start] : order(fitted) > order(end) ? [...end] : fitted;
  };
  const today = new Date();
  let chosen = limit(dayOf(value) ?? [today.getFullYear(), today.getMonth() + 1, today.getDate()]);
  const lists = (): number[][] => {
    const [y, m] = chosen;
    const months = span(y === start[0] ? start[1] : 1, y === end[0] ? end[1] : 12);
    const days = span(y === start[0] && m === start[1] ? start[2] : 1, y === end[0] && m === end[1] ? end[2] : daysIn(y, m));
    return [span(start[0], end[0]), months, days].slice(0, count);
  };
  return {
    columns: () => lists().map((list, i) => list.map((n) => (i === 0 ? String(n) : pad(n)))),
    selected: () => lists().map((list, i) => list.indexOf(chosen[i] ?? 1)),
    pick: (column, i) => {
      const next: Day = [...chosen];
      next[column] = lists()[column]?.[i] ?? next[column] ?? 1;
      chosen = limit(next);
    },
    detail: () => ({ value: chosen.slice(0, count).map((n, i) => (i === 0 ? String(n) : pad(n))).join('-') }),
  };
}

function region(attributes: Attributes, value: unknown, tree: Region[]): PickerMode {
  const levels = ({ province: 1, city: 2 } as Record<string, number>)[text(attributes['level'])] ?? 3;
  const custom = text(attributes['customItem']);
  const given = Array.isArray(value) ? (value as unknown[]).map((v) => text(v)) : [];
  // The chosen region at each level; undefined is the custom item.
  const chosen: (Region | undefined)[] = [];
  const choices = (level: number): Region[] => {
    const parent = level === 0 ? undefined : chosen[level - 1];
    return level === 0 ? tree : (parent?.children ?? []);
  };
  const fill = (from: number, names: string[]) => {
    for (let level = from; level < levels; level++) {
      const list = choices(level);
      const parentIsCustom = level > 0 && chosen[level - 1] === undefined;
      const named = names[level];
      chosen[level] = parentIsCustom || (custom && named === custom) ? undefined : (list.find((r) => r.name === named) ?? (custom && !named ? undefined : list[0]));
    }
  };
  fill(0, given);
  const column = (level: number) => {
    const parentIsCustom = level > 0 && chosen[level - 1] === undefined;
    return parentIsCustom ? [] : choices(level);
  };
  const offset = custom ? 1 : 0;
  return {
    columns: () => span(0, levels - 1).map((level) => [...(custom ? [custom] : []), ...column(level).map((r) => r.name)]),
    selected: () => span(0, levels - 1).map((level) => (chosen[level] ? column(level).indexOf(chosen[level]!) + offset : 0)),
    pick: (level, i) => {
      chosen[level] = i < offset ? undefined : column(level)[i - offset];
      fill(level + 1, []);
    },
    detail: () => ({
      value: chosen.slice(0, levels).map((r) => r?.name ?? custom),
      code: chosen.slice(0, levels).map((r) => r?.code ?? ''),
    }),
  };
}

/** The mode of a picker's attributes, showing `value` (the picker's current value, in its mode's shape). */
export async function pickerMode(attributes: Attributes, value: unknown): Promise<PickerMode> {
  switch (text(attributes['mode'], 'selector')) {
    case 'multiSelector':
      return multiSelector(attributes, value);
    case 'time':
      return time(attributes, value);
    case 'date':
      return date(attributes, value);
    case 'region':
      return region(attributes, value, await regionTree());
    default:
      return selector(attributes, value);
  }
}
