/** At most one pending timeout: starting it again replaces the previous one. */
export class OneTimer {
  private handle: ReturnType<typeof setTimeout> | undefined;

  start(ms: number, fire: () => void): void {
    this.clear();
    this.handle = setTimeout(fire, ms);
  }

  clear(): void {
    clearTimeout(this.handle);
    this.handle = undefined;
  }
}
