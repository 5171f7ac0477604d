/**
 * Lets long work in a worker make way for the page. The work asks `between()` between its steps:
 * at most every `everyMs` that gives the worker's event loop a turn, so that a message asking it
 * to pause (or to go on) gets in, and while it is paused the answer waits until `pause(false)`.
 */
export interface PauseGate {
  /** Asked between steps: a promise to wait for, or undefined to go straight on. */
  between(): Promise<void> | undefined;
  pause(paused: boolean): void;
}

export interface PauseGateOptions {
  now?: () => number;
  /** How much work may run between two turns of the event loop. */
  everyMs?: number;
  /** One turn of the event loop (a task, not a microtask: messages come in between tasks). */
  turn?: () => Promise<void>;
}

export function pauseGate(options: PauseGateOptions = {}): PauseGate {
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 8;
  const turn = options.turn ?? nextTask;
  let paused = false;
  let wake: (() => void) | null = null;
  let last = now();
  return {
    between() {
      if (!paused && now() - last < everyMs) return undefined;
      return (async () => {
        await turn();
        while (paused) await new Promise<void>((resolve) => (wake = resolve));
        last = now();
      })();
    },
    pause(p) {
      paused = p;
      if (p || !wake) return;
      const w = wake;
      wake = null;
      w();
    },
  };
}

/** The next task of the event loop, without the clamping that nested timers get. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
