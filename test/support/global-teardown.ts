import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const postgres = globalThis.havenTestPostgres;
  if (!postgres) return;
  await postgres.stop();
  globalThis.havenTestPostgres = undefined;
  const dataDir = (postgres as unknown as { options: { dataDir: string } }).options.dataDir;
  rmSync(dataDir, { recursive: true, force: true });
}
