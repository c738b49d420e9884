/**
 * The locator's one kind of cache. The same template is filled by many departments, so texts and
 * sequences of texts repeat across books: results are kept by their complete inputs (never stale)
 * and bounded by count (when full, the map starts over: cheaper than tracking use, and a batch
 * refills what it needs within a few books).
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }

  /** The value kept for key, computed and kept when there is none. */
  through(key: K, compute: () => V): V {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = compute();
      this.set(key, v);
    }
    return v as V;
  }
}

/**
 * Facts derived from one form object (a table, a row or a block spec): computed once per object,
 * dropped with it. Forms are few and fixed, so this needs no bound.
 */
export function derived<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const map = new WeakMap<K, V>();
  return (key) => {
    let v = map.get(key);
    if (v === undefined) map.set(key, (v = compute(key)));
    return v;
  };
}

/** A value computed on first use (indexes over every form). */
export function once<V>(compute: () => V): () => V {
  let v: V | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = compute();
      done = true;
    }
    return v as V;
  };
}
