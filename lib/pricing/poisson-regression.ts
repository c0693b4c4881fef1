/**
 * Poisson regression with a log link, fitted by iteratively reweighted least squares: the standard
 * maximum-likelihood fit for counts (weeks with zero sales included, unlike a regression of log units).
 * Plain arrays, no library: the model has a handful of columns and runs once per product.
 */

export type PoissonFit = {
  coefficients: number[];
  /** Standard errors from the inverse Fisher information at the fit. */
  standardErrors: number[];
  converged: boolean;
};

const MAX_ITERATIONS = 25;
const TOLERANCE = 1e-8;
/** A linear predictor past this would overflow exp() into nonsense; clamp while iterating. */
const MAX_ETA = 30;

/** Solves A x = b for a symmetric positive definite A by Cholesky; null when A is singular. */
function choleskyFactor(a: number[][]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (sum <= 1e-12) return null;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}

function choleskySolve(l: number[][], b: number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/**
 * Fits log E[y_t] = offset_t + x_t · β. `rows[t]` is x_t; `offsets` may be omitted (all zero).
 * Null when the design is singular (a column that never varies, or no counts at all).
 */
export function fitPoisson(rows: readonly number[][], y: readonly number[], offsets?: readonly number[]): PoissonFit | null {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n === 0 || p === 0 || n <= p) return null;
  const total = y.reduce((s, v) => s + v, 0);
  if (total <= 0) return null;
  const beta = new Array<number>(p).fill(0);
  // Start at the mean rate: the first column is the intercept by convention.
  const meanOffset = offsets ? offsets.reduce((s, v) => s + v, 0) / n : 0;
  beta[0] = Math.log(total / n) - meanOffset;

  let converged = false;
  let factor: number[][] | null = null;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    for (let t = 0; t < n; t++) {
      const x = rows[t]!;
      let eta = offsets ? offsets[t]! : 0;
      for (let j = 0; j < p; j++) eta += x[j]! * beta[j]!;
      eta = Math.min(MAX_ETA, Math.max(-MAX_ETA, eta));
      const mu = Math.exp(eta);
      // Working response z = η − offset + (y − μ)/μ with weight μ.
      const z = eta - (offsets ? offsets[t]! : 0) + (y[t]! - mu) / mu;
      for (let i = 0; i < p; i++) {
        const wxi = mu * x[i]!;
        xtwz[i] = xtwz[i]! + wxi * z;
        const row = xtwx[i]!;
        for (let j = 0; j <= i; j++) row[j] = row[j]! + wxi * x[j]!;
      }
    }
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) xtwx[j]![i] = xtwx[i]![j]!;
    factor = choleskyFactor(xtwx);
    if (!factor) return null;
    const next = choleskySolve(factor, xtwz);
    let change = 0;
    for (let j = 0; j < p; j++) change = Math.max(change, Math.abs(next[j]! - beta[j]!));
    for (let j = 0; j < p; j++) beta[j] = next[j]!;
    if (change < TOLERANCE * (1 + Math.max(...beta.map(Math.abs)))) {
      converged = true;
      break;
    }
  }
  if (!factor || beta.some((b) => !Number.isFinite(b))) return null;
  // Diagonal of (XᵀWX)⁻¹, one unit vector at a time.
  const standardErrors = beta.map((_, j) => {
    const unit = new Array<number>(p).fill(0);
    unit[j] = 1;
    return Math.sqrt(choleskySolve(factor!, unit)[j]!);
  });
  // A variance that is not a positive number means the design was numerically singular.
  if (standardErrors.some((se) => !Number.isFinite(se))) return null;
  return { coefficients: beta, standardErrors, converged };
}
