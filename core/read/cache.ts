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
 * A BoundedCache keyed by two strings without joining them: a joined key is a new string, hashed
 * again (whole) on every lookup, while each part keeps the hash V8 stores with it, the official
 * label's computed once per form and the text's once per cell.
 */
export class PairCache<V> {
  private readonly map = new Map<string, Map<string, V>>();
  private size = 0;
  constructor(private readonly limit: number) {}

  through(outer: string, inner: string, compute: () => V): V {
    let m = this.map.get(outer);
    if (m === undefined) this.map.set(outer, (m = new Map()));
    let v = m.get(inner);
    if (v === undefined && !m.has(inner)) {
      v = compute();
      if (this.size >= this.limit) {
        this.map.clear();
        this.size = 0;
        this.map.set(outer, (m = new Map()));
      }
      m.set(inner, v);
      this.size++;
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
