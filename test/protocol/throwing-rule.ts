/**
 * Preloaded into the server by recovery.test.ts to make one rule throw from inside the
 * bundle: see-footnote-cycle is the only analysis code that joins with ' → ' (hover
 * does too, and the test asks for no hover), so that join throws.
 */
const join = Array.prototype.join;
Array.prototype.join = function (this: unknown[], separator?: string): string {
  if (separator === ' → ') throw new Error('injected failure');
  return join.call(this, separator);
};
