import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FeatureLink } from '../../../src/core/session/feature.ts';
import { IceRestartFeature, RESTART_AFTER_MS, type NetworkChanges } from '../../../src/core/session/ice-restart.ts';

/** A connection whose state the test sets; it counts restartIce() calls. */
class StatePeer extends EventTarget {
  connectionState: RTCPeerConnectionState = 'connected';
  restarts = 0;
  restartIce(): void {
    this.restarts++;
  }
  become(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

function linkOf(pc: StatePeer, polite: boolean): FeatureLink {
  return { pc: pc as unknown as RTCPeerConnection, polite, send: () => true, connected: () => pc.connectionState === 'connected' };
}

class ManualNetwork implements NetworkChanges {
  private listeners = new Set<() => void>();
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  change(): void {
    for (const listener of this.listeners) listener();
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IceRestartFeature', () => {
  test('ICE disconnected for a while: the impolite side restarts it once; a quick recovery needs none', () => {
    const [pc, feature] = [new StatePeer(), new IceRestartFeature()];
    feature.attach(linkOf(pc, false));
    pc.become('disconnected');
    vi.advanceTimersByTime(RESTART_AFTER_MS - 100);
    pc.become('connected');
    vi.advanceTimersByTime(RESTART_AFTER_MS);
    expect(pc.restarts).toBe(0);
    pc.become('disconnected');
    vi.advanceTimersByTime(RESTART_AFTER_MS);
    expect(pc.restarts).toBe(1);
    vi.advanceTimersByTime(10 * RESTART_AFTER_MS);
    expect(pc.restarts).toBe(1);
  });

  test('the polite side leaves a disconnection to the other, so the two do not offer at once', () => {
    const [pc, feature] = [new StatePeer(), new IceRestartFeature()];
    feature.attach(linkOf(pc, true));
    pc.become('disconnected');
    vi.advanceTimersByTime(5 * RESTART_AFTER_MS);
    expect(pc.restarts).toBe(0);
  });

  test('a network change on this device restarts ICE on either side, once for a burst of events', () => {
    const network = new ManualNetwork();
    const [pc, feature] = [new StatePeer(), new IceRestartFeature(network)];
    feature.attach(linkOf(pc, true));
    network.change();
    network.change();
    vi.advanceTimersByTime(100);
    network.change();
    vi.advanceTimersByTime(1000);
    expect(pc.restarts).toBe(1);
  });

  test('after detach nothing restarts: no timers, no listeners', () => {
    const network = new ManualNetwork();
    const [pc, feature] = [new StatePeer(), new IceRestartFeature(network)];
    feature.attach(linkOf(pc, false));
    pc.become('disconnected');
    feature.detach();
    network.change();
    vi.advanceTimersByTime(10 * RESTART_AFTER_MS);
    pc.become('disconnected');
    vi.advanceTimersByTime(10 * RESTART_AFTER_MS);
    expect(pc.restarts).toBe(0);
    expect(network.subscribers).toBe(0);
  });
});
