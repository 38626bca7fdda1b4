// Runs before the Vitest projects that use system packages (site, office; the unit project needs none): the
// packages the project needs (scripts/system-packages.txt) are installed where the machine allows it, otherwise the
// suite fails at once, in one line naming the missing ones.
import type { TestProject } from 'vitest/node';
import { ensureSystemPackages, listProjectPackages } from './helpers/system.ts';

export default function setup(project: TestProject): void {
  ensureSystemPackages(listProjectPackages(project.name));
}
