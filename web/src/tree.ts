/** Turning flat reference lists (categories, regions, units) into trees for pickers. */
import type { Category, Region, Unit } from './types';

/** A generic picker node: antd's TreeSelect/Cascader and antd-mobile's CascadePicker all read this shape. */
export interface PickerNode {
  value: string;
  label: string;
  title?: string;
  children?: PickerNode[];
}

function build<T>(items: T[], key: (t: T) => string, parent: (t: T) => string | null, label: (t: T) => string): PickerNode[] {
  const nodes = new Map<string, PickerNode>();
  for (const item of items) nodes.set(key(item), { value: key(item), label: label(item), title: label(item) });
  const roots: PickerNode[] = [];
  for (const item of items) {
    const node = nodes.get(key(item));
    if (!node) continue;
    const p = parent(item);
    const parentNode = p ? nodes.get(p) : undefined;
    if (parentNode) (parentNode.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The category tree (大类 → 小类). */
export function categoryTree(categories: Category[]): PickerNode[] {
  return build(categories, (c) => c.code, (c) => c.parentCode, (c) => c.name);
}

/** The region tree from the city down (the province row, if present, is skipped). */
export function regionTree(regions: Region[]): PickerNode[] {
  const roots = build(regions, (r) => r.code, (r) => r.parentCode, (r) => r.name);
  return roots.length === 1 && roots[0]?.children && regions.find((r) => r.code === roots[0]?.value)?.level === 1 ? roots[0].children : roots;
}

/** The unit tree (city government → departments, counties → towns). */
export function unitTree(units: Unit[]): PickerNode[] {
  return build(units, (u) => u.id, (u) => u.parentId, (u) => u.name);
}

/** Code → name lookup for a flat list. */
export function nameMap<T extends { name: string }>(items: T[] | undefined, key: (t: T) => string): Map<string, string> {
  return new Map((items ?? []).map((i) => [key(i), i.name]));
}

/** "城乡建设 / 安全生产" for a category code, walking up the parents. */
export function categoryPath(categories: Category[] | undefined, code: string | null | undefined): string {
  if (!code || !categories) return code ?? '—';
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const names: string[] = [];
  for (let c = byCode.get(code); c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) names.unshift(c.name);
  return names.length ? names.join(' / ') : code;
}
