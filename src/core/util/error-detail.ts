/** An exception's message, for the detail a problem shows (browsers word theirs in English). */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
