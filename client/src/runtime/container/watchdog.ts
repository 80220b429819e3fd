// Notices a logic layer that stopped answering (an endless loop, runaway allocation) and stops it,
// replacing the program with a "not responding" screen within five seconds; the host stays responsive.
import { logicAnswers } from './logic-answers';
import type { Program } from './main';

const PING_MS = 1000;
const LIMIT_MS = 3500;

export class Watchdog {
  private lastPong = performance.now();
  private seq = 0;
  private timer = 0;

  constructor(private readonly program: Program) {}

  start(): void {
    logicAnswers.listeners.add((message) => {
      if (message.type === 'pong') {
        this.lastPong = performance.now();
      }
    });
    this.timer = window.setInterval(() => this.check(), PING_MS);
  }

  private check(): void {
    if (performance.now() - this.lastPong > LIMIT_MS) {
      window.clearInterval(this.timer);
      this.program.showNotResponding();
      return;
    }
    this.program.toLogic({ type: 'ping', seq: ++this.seq });
  }
}
