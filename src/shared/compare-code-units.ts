/** Orders strings by UTF-16 code units (ISO dates, ids, labels), without ICU collation, which an idle server need not load. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
