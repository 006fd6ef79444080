// Which package a CPU profile's frame belongs to, from its script URL: node_modules/<pkg> (scoped
// packages keep their scope), Node's own internals, Parley's source folders, or the engine itself.
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const own = /\/(src|channels|workers)\//.exec(url);
  return own ? `parley:${own[1]}` : url;
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Self time share per package and the top functions, from a .cpuprofile's nodes (hit counts). */
export function selfTimeByPackage(nodes: readonly ProfileNode[]): { packages: [string, number][]; functions: [string, number][] } {
  const total = nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + hits);
    const fn = `${pkg} ${n.callFrame.functionName || '(anonymous)'}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
  }
  const share = (m: Map<string, number>) => [...m].map(([k, v]): [string, number] => [k, (100 * v) / total]).sort((a, b) => b[1] - a[1]);
  return { packages: share(byPkg), functions: share(byFn) };
}
