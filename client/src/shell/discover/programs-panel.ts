import { h } from '../dom';
import { programIcon, programLists } from './program-lists';
import { t } from './messages';
import { programHref, Scene, shelf } from './shelf';
import './discover.css';

const OPEN_AT = 70;

/**
 * The pull-down panel of Chats: pulling the chats list down (touch, or the mouse wheel / trackpad upwards while the
 * list is at its top) reveals recently used (scene 1089) and My Mini Programs (scene 1104) above the chats;
 * a swipe or scroll up closes it. Inserts the panel before `scroller` (the element that scrolls the chats) and
 * returns what removes it again.
 *
 * Usage from the Chats page: `const detach = attachProgramsPanel(list); ... return detach;`
 */
export function attachProgramsPanel(scroller: HTMLElement): () => void {
  const body = h('div', { class: 'programs-panel-body' });
  const panel = h('section', { class: 'programs-panel', 'aria-label': t('miniPrograms'), 'data-open': 'false' }, body);
  scroller.before(panel);
  let open = false;
  let loaded = 0;

  const setOpen = (next: boolean) => {
    open = next;
    panel.dataset['open'] = String(next);
    panel.style.removeProperty('height');
    if (next) {
      const generation = ++loaded;
      shelf
        .read()
        .then((data) => generation === loaded && body.replaceChildren(programLists(data, { recent: Scene.pullDownRecent, mine: Scene.pullDownMine })))
        .catch((error: unknown) => body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, t('failed', { error: String(error) }))));
    }
  };

  let pull = 0;
  const onWheel = (event: WheelEvent) => {
    if (!open && scroller.scrollTop <= 0 && event.deltaY < 0) {
      pull -= event.deltaY;
      if (pull >= OPEN_AT) {
        pull = 0;
        setOpen(true);
      }
    } else if (open && event.deltaY > 0) {
      pull = 0;
      setOpen(false);
    } else if (event.deltaY > 0) {
      pull = 0;
    }
  };
  const onPanelWheel = (event: WheelEvent) => {
    if (open && event.deltaY > 0 && body.scrollTop + body.clientHeight >= body.scrollHeight - 1) {
      setOpen(false);
    }
  };

  let startY: number | undefined;
  const onTouchStart = (event: TouchEvent) => {
    startY = scroller.scrollTop <= 0 || open ? event.touches[0]?.clientY : undefined;
  };
  const onTouchMove = (event: TouchEvent) => {
    const y = event.touches[0]?.clientY;
    if (startY === undefined || y === undefined || open) {
      return;
    }
    panel.style.height = `${Math.max(0, Math.min(y - startY, 240))}px`;
  };
  const onTouchEnd = (event: TouchEvent) => {
    const y = event.changedTouches[0]?.clientY;
    if (startY !== undefined && y !== undefined) {
      if (!open && y - startY >= OPEN_AT) {
        setOpen(true);
      } else if (open && startY - y >= OPEN_AT / 2) {
        setOpen(false);
      } else {
        panel.style.removeProperty('height');
      }
    }
    startY = undefined;
  };

  const targets = [scroller, panel];
  scroller.addEventListener('wheel', onWheel, { passive: true });
  panel.addEventListener('wheel', onPanelWheel, { passive: true });
  for (const target of targets) {
    target.addEventListener('touchstart', onTouchStart, { passive: true });
    target.addEventListener('touchmove', onTouchMove, { passive: true });
    target.addEventListener('touchend', onTouchEnd, { passive: true });
  }
  return () => {
    scroller.removeEventListener('wheel', onWheel);
    panel.removeEventListener('wheel', onPanelWheel);
    for (const target of targets) {
      target.removeEventListener('touchstart', onTouchStart);
      target.removeEventListener('touchmove', onTouchMove);
      target.removeEventListener('touchend', onTouchEnd);
    }
    panel.remove();
  };
}

/**
 * The programs displayed on top of Chats, as entries for the top of the chats list; each resumes its program
 * where the person left it (scene 1022). The element fills itself and is empty when nothing is pinned.
 */
export function pinnedPrograms(): HTMLElement {
  const list = h('ul', { class: 'pinned-programs', 'aria-label': t('miniPrograms') });
  shelf
    .read()
    .then((data) =>
      list.replaceChildren(
        ...data.pinned.map((entry) =>
          h('li', { 'data-appid': entry.appId }, h('a', { class: 'pinned-program', href: programHref(entry.appId, Scene.pinned) }, programIcon(entry), h('span', {}, entry.name))),
        ),
      ),
    )
    .catch(() => list.replaceChildren());
  return list;
}
