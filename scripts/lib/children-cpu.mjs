import { readFileSync } from 'node:fs';

/**
 * CPU seconds (user and system, every thread) of this process's children that have ended
 * and been waited for, as Linux counts them in /proc/self/stat (cutime and cstime, in
 * USER_HZ ticks, 100 a second on every Linux the benchmarks run on); null elsewhere. Taken
 * before and after a spawnSync, the difference is what that child cost: on a shared
 * machine a steadier figure than its wall time.
 */
export function childrenCpuSeconds() {
  let stat;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the name.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
