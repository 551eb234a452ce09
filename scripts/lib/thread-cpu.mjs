import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { runNode } from './server.mjs';

/**
 * Runs a Node script as runNode does, watching its threads (watchThreads); resolves once it
 * has ended with its exit status or signal, what it wrote, and each thread's CPU.
 */
export async function runNodeWatched(script, args = [], options = {}) {
  const child = runNode(script, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const threads = watchThreads(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const [status, signal] = await once(child, 'close');
  return { status, signal, stdout, stderr, threads: threads.stop() };
}

/**
 * Watches the threads of process `pid` on Linux (/proc/<pid>/task), sampling each one's CPU
 * (user and system) every `intervalMs`; elsewhere it reports nothing. A thread's last
 * moments before it ends (at most one interval) are missed. Threads are named by the OS
 * (`MainThread`, V8's `V8Worker` collectors, and each Worker's `name`, cut to 15 characters).
 * `stop()` gives each thread's name and seconds, in the order the threads started.
 */
export function watchThreads(pid, intervalMs = 200) {
  const seen = new Map();
  const sample = () => {
    let tids;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; ticks of 1/100 s.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        seen.set(Number(tid), { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
      } catch {
        // Ended between the listing and the read.
      }
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return [...seen].sort(([a], [b]) => a - b).map(([, thread]) => thread);
    },
  };
}

/** "MainThread 11.7 s, rebuild audit-l 14.4 s, …, V8Worker ×4 4.7 s": the collectors summed, threads under 0.1 s left out. */
export function describeThreads(threads) {
  const collectors = threads.filter((t) => t.name === 'V8Worker');
  const others = threads.filter((t) => t.name !== 'V8Worker' && t.seconds >= 0.1);
  const parts = others.map((t) => `${t.name} ${t.seconds.toFixed(1)} s`);
  if (collectors.length > 0) {
    const seconds = collectors.reduce((sum, t) => sum + t.seconds, 0);
    parts.push(`V8Worker ×${collectors.length} ${seconds.toFixed(1)} s`);
  }
  return parts.join(', ');
}
