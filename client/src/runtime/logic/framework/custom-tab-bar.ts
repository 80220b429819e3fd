// The logic side of the custom tab bar: its instance on each tab page (getTabBar() in instance.ts returns it).
import { CUSTOM_TAB_BAR, customTabBarId, hasCustomTabBar } from '../../bridge/custom-tab-bar';
import type { BundleManifest } from '../../bridge/manifest';
import { report } from '../errors';
import type { ModuleRegistry } from '../modules';
import { componentSpec } from './definitions';
import { createInstance, lifetime } from './instance';
import { emptySpec, initialData } from './spec';

/** Creates the custom tab bar's instance for a tab page; the view attaches to it once it renders the page. */
export function createCustomTabBar(registry: ModuleRegistry, manifest: BundleManifest, route: string, pageId: number): void {
  if (!hasCustomTabBar(manifest, route)) {
    return;
  }
  let spec;
  try {
    spec = componentSpec(registry, CUSTOM_TAB_BAR);
  } catch (error) {
    report(error);
    spec = emptySpec();
  }
  const node = { id: '', classes: [], dataset: {}, bindings: {} };
  const instance = createInstance({ id: customTabBarId(pageId), kind: 'component', path: CUSTOM_TAB_BAR, spec, data: initialData(spec), pageId, ownerId: 0, node });
  lifetime(instance, 'created');
  lifetime(instance, 'attached');
}
