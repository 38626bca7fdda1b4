// Runs `npm run preview`'s script (scripts/serve.ts) on a free port for a built dist/, as a user would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './build.ts';
import { type RunningServer, stopProcess } from './hosting.ts';

/** Starts scripts/serve.ts for distDir under base; resolves with the address it prints. */
export function startPreview(distDir: string, base = '/'): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'serve.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DIST_DIR: distDir, BASE_PATH: base, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const close = () => stopProcess(child, 'SIGTERM');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`npm run preview printed no address in 10 s:\n${output}`));
    }, 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /https?:\/\/\S+\//u.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, close });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run preview exited (${code}):\n${output}`));
    });
  });
}
