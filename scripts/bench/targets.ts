// The targets of issue 7 ("Speed and scale") for one Warta process on a 2-core machine, and how a
// run's numbers compare with them.
import type { ScenarioResult, TargetResult } from './report.ts';

/** What the targets are checked against. */
export interface Measured {
  scenarios: Map<string, ScenarioResult>;
  nginx: ScenarioResult | undefined;
  coldStartMs: number;
  peakRssMb: number;
  voteProblems: string[];
  readProblems: string[];
}

/** Every target with its verdict. */
export function checkTargets(m: Measured): TargetResult[] {
  const targets: TargetResult[] = [];
  const s = (name: string) => m.scenarios.get(name)!;
  const rps = (name: string, min: number) => {
    const x = s(name).requestsPerSecond;
    targets.push({
      name: `${name} throughput`,
      target: `≥ ${min.toLocaleString('en')} req/s`,
      measured: `${Math.round(x).toLocaleString('en')} req/s`,
      ok: x >= min,
    });
  };
  const latency = (name: string, key: 'p95Ms' | 'p99Ms', max: number) => {
    const { [key]: x, requests } = s(name);
    const label = key === 'p95Ms' ? 'p95' : 'p99';
    // No answer at all has no latency to meet a target with.
    const measured = requests === 0 ? 'no answers' : `${x.toFixed(2)} ms`;
    targets.push({ name: `${name} ${label}`, target: `< ${max} ms`, measured, ok: requests > 0 && x < max });
  };

  const cached = s('cached article');
  targets.push({
    name: 'cached article throughput',
    target: '≥ 45 % of nginx',
    measured: cached.percentOfNginx === undefined ? 'no nginx' : `${cached.percentOfNginx.toFixed(1)} %`,
    ok: cached.percentOfNginx === undefined ? undefined : cached.percentOfNginx >= 45,
  });
  latency('cached article', 'p99Ms', 5);
  rps('uncached article', 2_500);
  latency('uncached article', 'p99Ms', 50);
  rps('home', 1_500);
  rps('section', 1_500);
  rps('search', 300);
  latency('search', 'p95Ms', 50);
  rps('read beacon', 5_000);
  targets.push({
    name: 'read beacon counts',
    target: 'exact after shutdown',
    measured: m.readProblems.length ? m.readProblems.slice(0, 3).join('; ') : 'exact',
    ok: m.readProblems.length === 0,
  });
  rps('rating POST', 1_500);
  targets.push({
    name: 'rating POST totals',
    target: 'every vote stored, totals exact',
    measured: m.voteProblems.length ? m.voteProblems.slice(0, 3).join('; ') : 'exact',
    ok: m.voteProblems.length === 0,
  });
  const failing = [...m.scenarios.values()].filter((x) => x.errors > 0);
  targets.push({
    name: 'errors',
    target: 'none',
    measured: failing.length ? failing.map((x) => `${x.name}: ${x.errors}`).join(', ') : 'none',
    ok: failing.length === 0,
  });
  targets.push({
    name: 'peak RSS',
    target: '< 250 MB',
    measured: `${m.peakRssMb.toFixed(0)} MB`,
    ok: m.peakRssMb < 250,
  });
  targets.push({
    name: 'cold start to first article',
    target: '< 2 s',
    measured: `${(m.coldStartMs / 1000).toFixed(2)} s`,
    ok: m.coldStartMs < 2_000,
  });
  return targets;
}
