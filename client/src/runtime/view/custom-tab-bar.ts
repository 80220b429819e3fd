// The view side of the custom tab bar: the host element at the end of each tab page's tree, fixed at the
// bottom of the screen. wx.hideTabBar hides it through a custom property set on the container's body.
import { CUSTOM_TAB_BAR_TAG, hasCustomTabBar } from '../bridge/custom-tab-bar';
import type { BundleManifest } from '../bridge/manifest';
import type { RNode, ViewInstance } from './instance';

const HOST_STYLE = 'display:var(--capsule-custom-tab-bar-display,block);position:fixed;left:0;right:0;bottom:0;z-index:100';

/** A page's rendered nodes, with the custom tab bar's host element after them on a tab page. */
export function withCustomTabBar(manifest: BundleManifest, page: ViewInstance, nodes: RNode[]): RNode[] {
  return hasCustomTabBar(manifest, page.path) ? [...nodes, { tag: CUSTOM_TAB_BAR_TAG, attr: { style: HOST_STYLE }, children: [], owner: page }] : nodes;
}
