// The tab bar of app.json, drawn by the container under (or over) tab pages, with the tab bar APIs:
// badges, red dots, style and item changes, show and hide.
import type { Data } from '../bridge/messages';
import type { JsonObject } from '../bridge/manifest';
import { color, text } from '../view/builtins/builtin';

interface Item {
  pagePath: string;
  text: string;
  icon: string | undefined;
  selectedIcon: string | undefined;
  badge: string | undefined;
  dot: boolean;
}

export class TabBar {
  readonly element = document.createElement('nav');
  private readonly items: Item[];
  private readonly style: { color: string; selectedColor: string; backgroundColor: string; borderStyle: string };
  private current = '';
  private hiddenByApi = false;
  /** With tabBar.custom the program's own component is the bar (view/custom-tab-bar.ts); this one stays hidden. */
  private readonly custom: boolean;

  constructor(
    config: JsonObject | null,
    private readonly onSelect: (pagePath: string, index: number, text: string) => void,
    asset: (path: string) => string | undefined,
  ) {
    const list = Array.isArray(config?.['list']) ? (config['list'] as JsonObject[]) : [];
    this.items = list.map((item) => ({
      pagePath: text(item['pagePath']).replace(/^\//, ''),
      text: text(item['text']),
      icon: asset(text(item['iconPath'])),
      selectedIcon: asset(text(item['selectedIconPath'])),
      badge: undefined,
      dot: false,
    }));
    this.style = {
      color: color(config?.['color'], '#7A7E83'),
      selectedColor: color(config?.['selectedColor'], '#3cc51f'),
      backgroundColor: color(config?.['backgroundColor'], '#ffffff'),
      borderStyle: text(config?.['borderStyle'], 'black'),
    };
    this.custom = config?.['custom'] === true;
    this.element.className = `capsule-tab-bar ${config?.['position'] === 'top' ? 'top' : ''}`;
    this.element.setAttribute('role', 'tablist');
    this.element.hidden = true;
  }

  /** Shows the bar when `route` is a tab page, highlighting it; hides it otherwise. */
  showFor(route: string): void {
    this.current = route;
    this.render();
  }

  private render(): void {
    const index = this.items.findIndex((item) => item.pagePath === this.current);
    this.element.hidden = this.custom || index < 0 || this.hiddenByApi;
    if (this.custom) {
      document.body.classList.toggle('capsule-custom-tab-bar-hidden', this.hiddenByApi);
    }
    this.element.style.background = this.style.backgroundColor;
    this.element.style.borderColor = this.style.borderStyle === 'white' ? 'rgba(255,255,255,.3)' : 'rgba(0,0,0,.15)';
    this.element.replaceChildren(
      ...this.items.map((item, i) => {
        const button = document.createElement('button');
        button.className = 'capsule-tab';
        button.setAttribute('role', 'tab');
        button.setAttribute('aria-selected', String(i === index));
        button.style.color = i === index ? this.style.selectedColor : this.style.color;
        const icon = i === index ? (item.selectedIcon ?? item.icon) : item.icon;
        if (icon) {
          const image = document.createElement('img');
          image.src = icon;
          image.alt = '';
          button.appendChild(image);
        }
        button.append(item.text);
        if (item.badge !== undefined || item.dot) {
          const badge = document.createElement('span');
          badge.className = item.dot ? 'capsule-badge dot' : 'capsule-badge';
          badge.textContent = item.dot ? '' : (item.badge ?? '');
          button.appendChild(badge);
        }
        button.onclick = () => this.onSelect(item.pagePath, i, item.text);
        return button;
      }),
    );
  }

  private item(args: Data): Item {
    const item = this.items[Number(args['index'])];
    if (!item) {
      throw new Error('tabbar item not found');
    }
    return item;
  }

  /**
   * Runs a tab bar API; throws with WeChat's reason when the call is invalid. With a custom tab bar only show and
   * hide act (on the program's bar); the badge, red dot, style and item APIs have no effect, as in WeChat.
   */
  call(name: string, args: Data): void {
    if (this.custom && name !== 'showTabBar' && name !== 'hideTabBar') {
      return;
    }
    switch (name) {
      case 'setTabBarBadge':
        this.item(args).badge = text(args['text']).slice(0, 4);
        this.item(args).dot = false;
        break;
      case 'removeTabBarBadge':
        this.item(args).badge = undefined;
        break;
      case 'showTabBarRedDot':
        this.item(args).dot = true;
        this.item(args).badge = undefined;
        break;
      case 'hideTabBarRedDot':
        this.item(args).dot = false;
        break;
      case 'setTabBarStyle':
        this.style.color = color(args['color'], this.style.color);
        this.style.selectedColor = color(args['selectedColor'], this.style.selectedColor);
        this.style.backgroundColor = color(args['backgroundColor'], this.style.backgroundColor);
        this.style.borderStyle = text(args['borderStyle'], this.style.borderStyle);
        break;
      case 'setTabBarItem':
        if (args['text'] !== undefined) {
          this.item(args).text = text(args['text']);
        }
        break;
      case 'showTabBar':
        this.hiddenByApi = false;
        break;
      case 'hideTabBar':
        this.hiddenByApi = true;
        break;
    }
    if (this.items.findIndex((item) => item.pagePath === this.current) < 0 && name !== 'showTabBar' && name !== 'hideTabBar') {
      throw new Error('not TabBar page');
    }
    this.render();
  }
}
