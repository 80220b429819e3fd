// WeChat's custom tab bar: with "tabBar": { "custom": true } in app.json, the program's custom-tab-bar/index
// component replaces the native tab bar. Every tab page gets its own instance, which the logic layer creates
// with the page (so onLoad and onShow can already reach it through getTabBar) under an id both layers derive
// from the page's id.
import { tabPages, type BundleManifest } from './manifest';

export const CUSTOM_TAB_BAR = 'custom-tab-bar/index';

/** The tag of the host element the view layer puts at the end of a tab page for the custom tab bar. */
export const CUSTOM_TAB_BAR_TAG = 'capsule-custom-tab-bar';

/** Whether `route` is a tab page that shows the program's custom tab bar. */
export function hasCustomTabBar(manifest: BundleManifest, route: string): boolean {
  return manifest.tabBar?.['custom'] === true && manifest.components[CUSTOM_TAB_BAR] !== undefined && tabPages(manifest).includes(route);
}

/** The custom tab bar's instance id on a page: negative, so it meets neither page ids nor the view's component ids. */
export function customTabBarId(pageId: number): number {
  return -pageId;
}
