// Set arithmetic on ascending integer arrays (shingle hashes, feature ids).

/** Size of the intersection of two ascending arrays without duplicates, in one merge pass. */
export function intersectSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      c++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return c;
}
