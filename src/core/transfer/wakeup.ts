/** A loop that waits for a condition, checked again whenever wake() says something changed. One waiter at a time. */
export class Wakeup {
  private waiter: (() => void) | undefined;

  wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Resolves true once condition() holds, false as soon as stop() does. */
  async until(condition: () => boolean, stop: () => boolean): Promise<boolean> {
    for (;;) {
      if (stop()) return false;
      if (condition()) return true;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}
