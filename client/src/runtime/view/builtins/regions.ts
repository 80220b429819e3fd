// Mainland China's provinces, cities and districts with their administrative codes, for picker
// mode="region". The data (npm @vant/area-data, kept current by the Vant team) is loaded on first use
// only, so programs without a region picker never download it.

export interface Region {
  name: string;
  code: string;
  children: Region[];
}

let tree: Promise<Region[]> | undefined;

function byCode(list: Record<string, string>, prefix: string): Region[] {
  return Object.entries(list)
    .filter(([code]) => code.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ name, code, children: [] }));
}

async function load(): Promise<Region[]> {
  const { areaList } = await import('@vant/area-data');
  return byCode(areaList.province_list, '').map((province) => ({
    ...province,
    children: byCode(areaList.city_list, province.code.slice(0, 2)).map((city) => ({
      ...city,
      children: byCode(areaList.county_list, city.code.slice(0, 4)),
    })),
  }));
}

export function regionTree(): Promise<Region[]> {
  tree ??= load().catch((error: unknown) => {
    tree = undefined;
    throw error;
  });
  return tree;
}
