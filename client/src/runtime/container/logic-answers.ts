import type { LogicToContainer } from '../bridge/messages';

/** Answers from the logic layer (navigation results, pongs) that the watchdog and automation wait for. */
export const logicAnswers = {
  listeners: new Set<(message: LogicToContainer) => void>(),
  dispatch(message: LogicToContainer): void {
    for (const listener of [...this.listeners]) {
      listener(message);
    }
  },
};
