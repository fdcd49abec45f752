import type { Page } from 'playwright-core';

/** What a page says and what its connection is doing: printed when a step of an e2e test fails. */
export interface PageReport {
  readonly status: string;
  readonly alerts: readonly string[];
  readonly signaling?: string;
  readonly transports: readonly string[];
  readonly pairs: readonly string[];
  readonly candidates: readonly string[];
}

// Runs in the page (Playwright sends its source), so it stands alone.
async function readPage(): Promise<PageReport> {
  const deepAll = (root: ParentNode, selector: string): Element[] => [
    ...root.querySelectorAll(selector),
    ...[...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? deepAll(element.shadowRoot, selector) : [])),
  ];
  const text = (element: Element | undefined) => (element?.textContent ?? '').trim().replace(/\s+/g, ' ');
  const app = document.querySelector('p2p-app') as (Element & { signalingState?: string; getStats(): Promise<RTCStatsReport | undefined> }) | null;
  const report = await app?.getStats().catch(() => undefined);
  const transports: string[] = [];
  const pairs: string[] = [];
  const candidates: string[] = [];
  report?.forEach((stat) => {
    if (stat.type === 'transport') transports.push(`ice ${stat.iceState} dtls ${stat.dtlsState}`);
    if (stat.type === 'candidate-pair') pairs.push(`${stat.state}${stat.nominated ? ' nominated' : ''} sent ${stat.requestsSent ?? 0} received ${stat.responsesReceived ?? 0}`);
    if (stat.type === 'local-candidate' || stat.type === 'remote-candidate') {
      candidates.push(`${stat.type === 'local-candidate' ? 'local' : 'remote'} ${stat.candidateType} ${stat.address ?? '?'}:${stat.port}`);
    }
  });
  return {
    status: text(deepAll(document, '[role=status]')[0]),
    alerts: deepAll(document, '[role=alert]').map(text),
    ...(app?.signalingState ? { signaling: app.signalingState } : {}),
    transports,
    pairs,
    candidates,
  };
}

export async function reportOf(page: Page): Promise<PageReport | string> {
  return page.evaluate(readPage).catch((error: unknown) => `(page unreadable: ${String(error)})`);
}

/** Runs the step; if it throws, the error says what each page showed and how its link stood. */
export async function explainFailure<T>(pages: Readonly<Record<string, Page>>, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const reports = await Promise.all(Object.entries(pages).map(async ([name, page]) => `${name}: ${JSON.stringify(await reportOf(page), null, 1)}`));
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- the pages then ---\n${reports.join('\n')}`, { cause: error });
  }
}
