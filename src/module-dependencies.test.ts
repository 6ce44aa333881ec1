// The architecture's direction of dependencies, checked on the imports themselves: platform code
// never imports a module, and the modules import each other without a cycle (a consequence that
// must run in another module is a subscriber of a domain event, not an import).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The modules (folders of src/modules) a file imports. */
function importedModules(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of text.matchAll(/from '([^']+)'/g)) {
    const target = path.resolve(path.dirname(file), match[1]!);
    const relative = path.relative(path.join(srcDir, 'modules'), target);
    if (!relative.startsWith('..')) found.add(relative.split(path.sep)[0]!);
  }
  return [...found];
}

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const name of readdirSync(path.join(srcDir, 'modules'), { withFileTypes: true })) {
    if (!name.isDirectory()) continue;
    const edges = new Set<string>();
    for (const file of sourceFiles(path.join(srcDir, 'modules', name.name))) {
      for (const target of importedModules(file)) if (target !== name.name) edges.add(target);
    }
    graph.set(name.name, edges);
  }
  return graph;
}

/** A cycle of modules, as a path that starts and ends at the same module, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('dependencies between the parts of the server', () => {
  it('platform code imports no module', () => {
    const offenders = sourceFiles(path.join(srcDir, 'platform')).filter(
      (file) => importedModules(file).length > 0,
    );
    expect(offenders.map((file) => path.relative(srcDir, file))).toEqual([]);
  });

  it('modules import each other without a cycle', () => {
    expect(findCycle(moduleGraph())).toBeNull();
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
