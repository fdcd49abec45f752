import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';

/**
 * A prefix code: each symbol has a bit string (e.g. '01'), none a prefix of another, so the common
 * symbols can be 1 or 2 bits long and the rare ones longer. Symbols are given in code order.
 */
export class PrefixCode<T> {
  private readonly bySymbol = new Map<T, string>();
  private readonly byCode = new Map<string, T>();
  private readonly longest: number;

  constructor(entries: readonly (readonly [code: string, symbol: T])[]) {
    for (const [code, symbol] of entries) {
      if (!/^[01]+$/.test(code) || entries.some(([other]) => other !== code && other.startsWith(code))) {
        throw new Error(`not a prefix code: ${code}`);
      }
      this.bySymbol.set(symbol, code);
      this.byCode.set(code, symbol);
    }
    this.longest = Math.max(...entries.map(([code]) => code.length));
  }

  write(writer: BitWriter, symbol: T): void {
    const code = this.bySymbol.get(symbol);
    if (code === undefined) throw new RangeError(`no code for ${String(symbol)}`);
    writer.write(parseInt(code, 2), code.length);
  }

  has(symbol: T): boolean {
    return this.bySymbol.has(symbol);
  }

  /** Undefined when the bits read match no code (possible only if the code is incomplete). */
  read(reader: BitReader): T | undefined {
    let code = '';
    while (code.length < this.longest) {
      code += String(reader.read(1));
      const symbol = this.byCode.get(code);
      if (symbol !== undefined) return symbol;
    }
    return undefined;
  }
}
