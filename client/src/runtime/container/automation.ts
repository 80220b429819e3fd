// What the simulator's window.capsule asks of the running program: tap an element, navigate, read the
// current route and data. Each call settles once the program has handled it and rendered the result.
import type { AutomationAction, Data, LogicToContainer } from '../bridge/messages';
import { logicAnswers } from './logic-answers';
import { CUSTOM_TAB_BAR_TAG } from '../bridge/custom-tab-bar';
import type { Program } from './main';

let nextCall = 1_000_000_000;

function waitFor<T extends LogicToContainer>(test: (m: LogicToContainer) => m is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: LogicToContainer) => {
      if (test(message)) {
        logicAnswers.listeners.delete(listener);
        resolve(message);
      }
    };
    logicAnswers.listeners.add(listener);
  });
}

/** Resolves after the logic layer has handled everything sent so far and the view has rendered the result. */
async function settled(program: Program): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const seq = nextCall++;
    const pong = waitFor((m): m is Extract<LogicToContainer, { type: 'pong' }> => m.type === 'pong' && m.seq === seq);
    program.toLogic({ type: 'ping', seq });
    await pong;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Finds the first element matching `selector` in the current page, looking inside components too. */
export function deepQuery(root: ParentNode, selector: string): HTMLElement | undefined {
  const direct = root.querySelector<HTMLElement>(selector);
  if (direct) {
    return direct;
  }
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (element.shadowRoot && (element.localName.startsWith('wx-') || element.localName === CUSTOM_TAB_BAR_TAG)) {
      const found = deepQuery(element.shadowRoot, selector);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

export async function runAutomation(program: Program, action: AutomationAction): Promise<unknown> {
  switch (action.kind) {
    case 'tap': {
      const root = program.pages.get(program.currentPage)?.shadowRoot;
      const element = root ? deepQuery(root, action.selector) : undefined;
      if (!element) {
        throw new Error(`no element matches "${action.selector}" on ${program.pageRoutes.get(program.currentPage) ?? 'the current page'}`);
      }
      const before = program.currentPage;
      const ready = new Promise<void>((resolve) => program.readyWaiters.push(() => resolve()));
      element.click();
      await settled(program);
      if (program.currentPage !== before) {
        await ready;
      }
      return state(program);
    }
    case 'navigate': {
      const callId = nextCall++;
      const result = waitFor((m): m is Extract<LogicToContainer, { type: 'navigate-result' }> => m.type === 'navigate-result' && m.callId === callId);
      const ready = new Promise<void>((resolve) => program.readyWaiters.push(() => resolve()));
      const before = program.currentPage;
      program.toLogic({ type: 'navigate', callId, mode: action.mode, url: action.url });
      const answer = await result;
      if (!answer.ok) {
        throw new Error(answer.errMsg);
      }
      if (program.currentPage !== before && !(await alreadyReady(program))) {
        await ready;
      }
      await settled(program);
      return state(program);
    }
    case 'state':
      return state(program);
  }
}

async function alreadyReady(program: Program): Promise<boolean> {
  await settled(program);
  return program.view.isReady(program.currentPage);
}

function state(program: Program): Data {
  return { route: program.pageRoutes.get(program.currentPage) ?? '', data: program.view.instances.get(program.currentPage)?.data ?? {} };
}
