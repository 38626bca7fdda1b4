// The machine a benchmark ran on, recorded beside its figures: CPU model, cores, memory, Node, the operating system
// and whether it is a virtual machine or a container. Read from /proc/cpuinfo, systemd-detect-virt and
// /sys/class/dmi when they are there; whatever cannot be read is said to be unknown, never guessed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** What a benchmark records of its machine. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** The hypervisor systemd-detect-virt names ('none' on bare metal), or 'unknown'. */
  vm: string;
  /** The container systemd-detect-virt names ('none' outside one), or 'unknown'. */
  container: string;
  /** Whether the CPU flags carry `hypervisor` (set by every common hypervisor); null without /proc/cpuinfo. */
  hypervisorFlag: boolean | null;
  /** The DMI vendor and product (/sys/class/dmi/id), when present. */
  dmi: string | null;
}

/** Reads a file's trimmed text, or null. */
function readText(file: string): string | null {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  } catch {
    return null;
  }
}

/** What `systemd-detect-virt <flag>` prints ('none' when it finds nothing), or 'unknown' without the tool. */
function detectVirt(flag: '--vm' | '--container'): string {
  const run = spawnSync('systemd-detect-virt', [flag], { encoding: 'utf8' });
  if (run.error || run.status === null) return 'unknown';
  return run.stdout.trim() || 'unknown';
}

/** The CPU model and whether it reports the hypervisor flag, from /proc/cpuinfo's first processor. */
export function parseCpuinfo(text: string): { model: string | null; hypervisorFlag: boolean } {
  const first = text.split(/\n\s*\n/u)[0] ?? '';
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'mu').exec(first)?.[1]?.trim() ?? null;
  const flags = (field('flags') ?? '').split(/\s+/u);
  return { model: field('model name'), hypervisorFlag: flags.includes('hypervisor') };
}

/** Reads the machine this process runs on. */
export function readMachine(): Machine {
  const cpuinfo = readText('/proc/cpuinfo');
  const parsed = cpuinfo === null ? null : parseCpuinfo(cpuinfo);
  const dmi = [readText('/sys/class/dmi/id/sys_vendor'), readText('/sys/class/dmi/id/product_name')].filter(Boolean).join(' ');
  return {
    cpu: parsed?.model ?? os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.availableParallelism(),
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${readText('/etc/os-release')?.match(/^PRETTY_NAME="?([^"\n]*)"?$/mu)?.[1] ?? os.type()}, ${os.type()} ${os.release()}`,
    vm: detectVirt('--vm'),
    container: detectVirt('--container'),
    hypervisorFlag: parsed?.hypervisorFlag ?? null,
    dmi: dmi || null,
  };
}

/** Whether the machine is a VM, as far as it can tell. */
function describeVm(machine: Machine): string {
  if (machine.vm !== 'none' && machine.vm !== 'unknown') return `VM (${machine.vm})`;
  if (machine.hypervisorFlag) return 'VM (hypervisor CPU flag)';
  return machine.vm === 'none' ? 'not a VM' : 'VM unknown';
}

/** One line for the output and docs/benchmark.md: “AMD EPYC, 2 cores, 23.5 GB RAM, VM (kvm), container (docker), …”. */
export function formatMachine(machine: Machine): string {
  const container = machine.container !== 'none' && machine.container !== 'unknown' ? `, container (${machine.container})` : '';
  const dmi = machine.dmi ? `, DMI ${machine.dmi}` : '';
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, ${describeVm(machine)}${container}${dmi}, ${machine.os}, Node ${machine.node}`;
}
