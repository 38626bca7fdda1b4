// Runs before every test project: the suite fails at once, in one line, when a system package it needs is missing.
import { assertSystemPackages } from './helpers/system.ts';

export default function setup(): void {
  assertSystemPackages();
}
