import { readFileSync } from 'node:fs';
import type { SignalKind } from '../../../src/core/signal/index.ts';

/**
 * One capture from test/fixtures/sdp, described by its index.json: the browsers' are a copy of
 * ../shared/sdp, libdatachannel's come from scripts/capture-libdatachannel.ts.
 */
export interface CorpusSample {
  readonly file: string;
  readonly kind: SignalKind;
  readonly dataOnly: boolean;
  readonly candidateCount: number;
  /** The offer this answer answers (for answers), or the answer to this offer. */
  readonly pairedWith: string;
  readonly sdp: string;
}

interface IndexEntry {
  readonly file: string;
  readonly kind: SignalKind;
  readonly media: string;
  readonly pairedWith: string;
  readonly candidates: { readonly count: number };
}

const DIR = new URL('../../fixtures/sdp/', import.meta.url);

export function sdpCorpus(): CorpusSample[] {
  const index = JSON.parse(readFileSync(new URL('index.json', DIR), 'utf8')) as { files: IndexEntry[] };
  return index.files.map((entry) => ({
    file: entry.file,
    kind: entry.kind,
    dataOnly: entry.media === 'data-only',
    candidateCount: entry.candidates.count,
    pairedWith: entry.pairedWith,
    sdp: readFileSync(new URL(entry.file, DIR), 'utf8'),
  }));
}

export function corpusSample(file: string): CorpusSample {
  const sample = sdpCorpus().find((candidate) => candidate.file === file);
  if (!sample) throw new Error(`no corpus sample ${file}`);
  return sample;
}
