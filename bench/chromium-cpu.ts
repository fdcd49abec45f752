import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) used so far by every running Chromium process, from /proc. */
export function chromiumCpuSeconds(): number {
  let seconds = 0;
  for (const { pid } of chromiumProcesses()) {
    try {
      seconds += cpuSecondsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      // the process ended meanwhile
    }
  }
  return seconds;
}

/** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + fields[4]!; // idle, iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** CPU seconds so far of every thread of every Chromium process, keyed "pid type/thread". */
export function chromiumThreadCpuSeconds(): Map<string, number> {
  const threads = new Map<string, number>();
  for (const { pid, cmdline } of chromiumProcesses()) {
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    const utility = /--utility-sub-type=[a-z.]*?([A-Za-z]+)(?:\0|$)/.exec(cmdline)?.[1];
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const key = `${pid} ${utility ?? type}/${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`;
        threads.set(key, (threads.get(key) ?? 0) + cpuSecondsOfStat(stat));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return threads;
}

function chromiumProcesses(): { pid: string; cmdline: string }[] {
  const processes: { pid: string; cmdline: string }[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('chrom')) processes.push({ pid, cmdline });
    } catch {
      // the process ended meanwhile
    }
  }
  return processes;
}

/** utime + stime of a /proc stat line (a process's or a thread's), in seconds. */
function cpuSecondsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ
}
