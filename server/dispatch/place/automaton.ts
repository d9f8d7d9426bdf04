// Aho–Corasick automaton over place aliases: one pass over the text finds every alias occurrence,
// however many thousand names the gazetteer holds (a regex per name would cost a scan per name,
// and place extraction runs inside classification at thousands of appeals per second).
// Built with a Map per node, then frozen into flat typed arrays: a dense table for the root (most
// steps start there) and one open-addressing hash table for all other edges.

/** One occurrence of a pattern: [start, end) in the scanned text. */
export interface AutomatonMatch {
  start: number;
  end: number;
  pattern: number;
}

/** A multi-pattern matcher; patterns are added, then `build()` freezes it. */
export class Automaton {
  private building: Map<number, number>[] | null = [new Map()];
  /** Pattern ending at a node, or -1. */
  private readonly output: number[] = [-1];
  private readonly lengths: number[] = [];
  private fail = new Int32Array(0);
  /** Nearest node on the fail chain that has an output, or -1 (the dictionary suffix link). */
  private dictLink = new Int32Array(0);
  /** Dense transitions out of the root, one slot per UTF-16 unit (0 = stay at the root). */
  private rootNext = new Int32Array(0);
  /** Edge table: slot → (from node, character) → to node; empty slots have from = -1. */
  private edgeFrom = new Int32Array(0);
  private edgeChar = new Uint16Array(0);
  private edgeTo = new Int32Array(0);
  private edgeMask = 0;

  /** Number of patterns added. */
  get size(): number {
    return this.lengths.length;
  }

  /** Adds a pattern; returns its index, or the existing index when the same string was added before. */
  add(pattern: string): number {
    const nodes = this.building;
    if (!nodes) throw new Error('Automaton: add() after build()');
    if (pattern.length === 0) throw new Error('Automaton: empty pattern');
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const edges = nodes[node] as Map<number, number>;
      let child = edges.get(c);
      if (child === undefined) {
        child = nodes.length;
        nodes.push(new Map());
        this.output.push(-1);
        edges.set(c, child);
      }
      node = child;
    }
    const existing = this.output[node] as number;
    if (existing >= 0) return existing;
    this.output[node] = this.lengths.length;
    this.lengths.push(pattern.length);
    return this.lengths.length - 1;
  }

  /** Computes the failure and dictionary links (breadth-first) and freezes the tables. */
  build(): this {
    const nodes = this.building;
    if (!nodes) return this;
    const n = nodes.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [...(nodes[0] as Map<number, number>).values()];
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi] as number;
      for (const [c, child] of nodes[node] as Map<number, number>) {
        let f = this.fail[node] as number;
        while (f !== 0 && !(nodes[f] as Map<number, number>).has(c)) f = this.fail[f] as number;
        const target = (nodes[f] as Map<number, number>).get(c);
        const fc = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fc;
        this.dictLink[child] = (this.output[fc] as number) >= 0 ? fc : (this.dictLink[fc] as number);
        queue.push(child);
      }
    }
    this.freeze(nodes);
    this.building = null;
    return this;
  }

  private freeze(nodes: Map<number, number>[]): void {
    this.rootNext = new Int32Array(0x10000);
    for (const [c, child] of nodes[0] as Map<number, number>) this.rootNext[c] = child;
    let edges = 0;
    for (let i = 1; i < nodes.length; i++) edges += (nodes[i] as Map<number, number>).size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.edgeMask = size - 1;
    this.edgeFrom = new Int32Array(size).fill(-1);
    this.edgeChar = new Uint16Array(size);
    this.edgeTo = new Int32Array(size);
    for (let from = 1; from < nodes.length; from++) {
      for (const [c, to] of nodes[from] as Map<number, number>) {
        let slot = hashEdge(from, c) & this.edgeMask;
        while ((this.edgeFrom[slot] as number) !== -1) slot = (slot + 1) & this.edgeMask;
        this.edgeFrom[slot] = from;
        this.edgeChar[slot] = c;
        this.edgeTo[slot] = to;
      }
    }
  }

  /** The child of a non-root node by character, or -1. */
  private step(node: number, c: number): number {
    let slot = hashEdge(node, c) & this.edgeMask;
    for (;;) {
      const from = this.edgeFrom[slot] as number;
      if (from === -1) return -1;
      if (from === node && this.edgeChar[slot] === c) return this.edgeTo[slot] as number;
      slot = (slot + 1) & this.edgeMask;
    }
  }

  /** Every occurrence of every pattern in `text`, in order of their end offset. */
  search(text: string): AutomatonMatch[] {
    if (this.building) throw new Error('Automaton: search() before build()');
    const out: AutomatonMatch[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let child = -1;
      while (node !== 0) {
        child = this.step(node, c);
        if (child !== -1) break;
        node = this.fail[node] as number;
      }
      node = node === 0 ? (this.rootNext[c] as number) : child;
      for (let o = (this.output[node] as number) >= 0 ? node : (this.dictLink[node] as number); o >= 0; o = this.dictLink[o] as number) {
        const pattern = this.output[o] as number;
        out.push({ start: i + 1 - (this.lengths[pattern] as number), end: i + 1, pattern });
      }
    }
    return out;
  }
}

function hashEdge(node: number, c: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
}
