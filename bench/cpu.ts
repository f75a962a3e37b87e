import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * CPU used during a phase, in cores (1.0 = one core busy for the whole phase): by this Node process, by the
 * PostgreSQL server when it runs on this machine, by everything else on the machine, and in total.
 * Linux only (/proc); elsewhere only the Node figure is known. The machine may be shared: `otherCores`
 * says how much of it something else used while the figure was measured.
 */
export interface CpuUse {
  nodeCores: number;
  postgresCores: number | null;
  otherCores: number | null;
  machineCores: number | null;
  coresAvailable: number;
}

/** USER_HZ: the unit of /proc/stat and /proc/<pid>/stat; 100 on every common Linux. */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  ppid: number;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children that ended and were waited for */
  children: number;
  comm: string;
}

function processTimes(pid: number | 'self'): ProcessTimes | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    // Fields after the command name, starting with field 3 (state).
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(rest[n - 3]);
    return { ppid: field(4), own: field(14) + field(15), children: field(16) + field(17), comm };
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** The postmaster's own time, the time of its ended children, and the time of its live children. */
function postgresTicks(postmaster: number): number | null {
  const times = processTimes(postmaster);
  if (!times) return null;
  let ticks = times.own + times.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = processTimes(Number(entry));
    if (child && child.ppid === postmaster) ticks += child.own + child.children;
  }
  return ticks;
}

/** The PostgreSQL server process of a backend pid, when that backend runs on this machine. */
export function postmasterOf(backendPid: number): number | null {
  const backend = processTimes(backendPid);
  if (!backend || !backend.comm.startsWith('postgres')) return null;
  const postmaster = processTimes(backend.ppid);
  return postmaster && postmaster.comm.startsWith('postgres') ? backend.ppid : null;
}

let postmasterPid: number | null = null;

/** Counts this PostgreSQL server's processes as "postgres" in later measurements. */
export function watchPostgres(pid: number | null): void {
  postmasterPid = pid;
}

/** Starts measuring; the returned function ends the measurement. */
export function measureCpu(): () => CpuUse {
  const startedAt = performance.now();
  const node = process.cpuUsage();
  const machine = machineTicks();
  const pid = postmasterPid;
  const postgres = pid === null ? null : postgresTicks(pid);
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const used = process.cpuUsage(node);
    const nodeCores = (used.user + used.system) / 1e6 / seconds;
    const machineEnd = machineTicks();
    const postgresEnd = pid === null ? null : postgresTicks(pid);
    const coresAvailable = cpus().length;
    // Busy share of all cores' time, which is steadier than busy ticks over wall time.
    const machineCores =
      machine && machineEnd && machineEnd.total > machine.total ? ((machineEnd.busy - machine.busy) / (machineEnd.total - machine.total)) * coresAvailable : null;
    const postgresCores = postgres !== null && postgresEnd !== null ? (postgresEnd - postgres) / TICKS_PER_SECOND / seconds : null;
    const otherCores = machineCores === null ? null : Math.max(0, machineCores - nodeCores - (postgresCores ?? 0));
    return { nodeCores, postgresCores, otherCores, machineCores, coresAvailable };
  };
}

/**
 * Waits until the machine has been nearly idle for a second (nothing but a PostgreSQL at rest), at most
 * `maxSeconds`; returns the cores that were busy in the last second.
 */
export async function waitForQuietMachine(maxSeconds: number, threshold = 0.25): Promise<number | null> {
  const deadline = performance.now() + maxSeconds * 1000;
  for (;;) {
    const before = machineTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = machineTicks();
    if (!before || !after || after.total <= before.total) return null;
    const busy = ((after.busy - before.busy) / (after.total - before.total)) * cpus().length;
    if (busy < threshold || performance.now() >= deadline) return busy;
  }
}
