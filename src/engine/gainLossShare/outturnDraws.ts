/**
 * Seeded random outturns for exposure simulation, the same on every machine: a 32-bit
 * integer generator (xoshiro128**, seeded through splitmix32), standard normal deviates by
 * Wichura's algorithm AS 241 (PPND16), and the logarithm and exponential it and the
 * lognormal need, all written with + − × ÷ and square roots only. JavaScript defines
 * those on numbers exactly (IEEE 754, correctly rounded), while Math.log and Math.exp may
 * differ in their last bits between engines; so every machine draws the same deviates.
 *
 * These are fractions of expected spend, not money: the money is then figured exactly
 * from the outturn, in decimals, by the engine.
 */
import { Dec } from '../decimal';

/** A generator of uniform 32-bit unsigned integers from a seed. */
export type UintSource = () => number;

/**
 * xoshiro128** (Blackman and Vigna), 32-bit integer arithmetic only, seeded by
 * splitmix32 from `seed`; the same sequence for the same seed on every machine.
 */
export function seededSource(seed: number): UintSource {
  let x = seed >>> 0;
  const split = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
}

function rotl(value: number, by: number): number {
  return ((value << by) | (value >>> (32 - by))) >>> 0;
}

/**
 * AS 241's coefficients, lowest power first, as the nearest doubles to the published
 * 20-digit values (the same doubles on every machine).
 */
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** c0 + c1·x + … by Horner's rule. */
function polynomial(c: readonly number[], x: number): number {
  let result = c[c.length - 1] ?? 0;
  for (let i = c.length - 2; i >= 0; i -= 1) result = result * x + (c[i] ?? 0);
  return result;
}

const LN2 = 0.6931471805599453;
const SQRT_HALF = 0.7071067811865476;

/** ln x for x > 0, with + − × ÷ only (to about 1 part in 10¹⁶). */
export function logarithm(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logarithm of ${x}`);
  let m = x;
  let exponent = 0;
  // Halving and doubling are exact in binary.
  while (m >= 1) {
    m /= 2;
    exponent += 1;
  }
  while (m < 0.5) {
    m *= 2;
    exponent -= 1;
  }
  if (m < SQRT_HALF) {
    m *= 2;
    exponent -= 1;
  }
  // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| < 0.172.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let series = 0;
  for (let k = 1; k <= 29; k += 2) {
    series += term / k;
    term *= s2;
  }
  return exponent * LN2 + 2 * series;
}

/** eˣ for |x| < 700, with + − × ÷ only (to about 1 part in 10¹⁵). */
export function exponential(x: number): number {
  if (!(Math.abs(x) < 700)) throw new RangeError(`exponential of ${x}`);
  // k is a power of two to scale by, not money: the nearest whole number to x / ln 2.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 20; n += 1) {
    term = (term * r) / n;
    sum += term;
  }
  // Doubling and halving are exact.
  for (let i = 0; i < Math.abs(k); i += 1) sum = k > 0 ? sum * 2 : sum / 2;
  return sum;
}

/**
 * The standard normal quantile of p (0 < p < 1) by AS 241, accurate to about 1 part in
 * 10¹⁶: the deviate z with Φ(z) = p. (Math.sqrt is IEEE 754's correctly rounded square
 * root, the same on every machine.)
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-logarithm(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    z = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -z : z;
}

/** A standard normal deviate from the source, as a decimal (its shortest exact digits). */
export function normalDeviate(source: UintSource): Dec {
  return new Dec(normalQuantile((source() + 0.5) / 4_294_967_296));
}
