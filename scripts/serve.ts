// npm run preview: serves the built dist/ on localhost (under BASE_PATH when set) as production serves it, and
// prints the address.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './lib/static-server.ts';

const root = path.resolve(process.env['DIST_DIR'] ?? 'dist');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`${root} 中没有构建结果，请先运行 npm run build。No build found in ${root}: run npm run build first.`);
  process.exit(1);
}
const port = Number(process.env['PORT'] ?? 4321);
const server = await startStaticServer({ root, base: process.env['BASE_PATH'] ?? '/', port });
console.log(`档案已在本机启动 The archive is being served at: ${server.url}`);
console.log('按 Ctrl+C 停止 Press Ctrl+C to stop.');
