import 'reflect-metadata';
// before anything loads Nest's logger, which decides on colours when it is created
import '@haven/platform/config/no-colour-unless-terminal';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AlertsService } from '@haven/alerts';
import { purgeExpiredRecords } from '@haven/children';
import { MIGRATIONS } from '@haven/migrations';
import {
  ConfigError,
  createDataSource,
  DatabaseUnreachableError,
  EmbeddedPostgres,
  loadConfig,
  runMigrations,
  checkDatabaseReachable,
  Clock,
  londonDate,
  isValidIsoDate,
  startOfLondonDay,
  AppConfig,
} from '@haven/platform';
import { buildSchema, printSortedSchema } from '../../api/src/schema';
import { seedDemo } from './seed/demo';
import { token } from './token';
import { CHILD_RECORD_PARTS } from './child-record-parts';
import { loadNational, NationalResult } from './seed/national';

const USAGE = `Usage: haven <command>
  token   --role ROLE --org CODE --sub SUBJECT --name NAME [--las A,B] [--email E] [--ttl SECONDS]
          prints a development token (HS256, JWT_SECRET or the development secret; NODE_ENV=development
          only) and nothing else
  migrate applies pending migrations
  seed    --demo   loads the demo data set
          --national [--seed N] [--as-of YYYY-MM-DD]
                   loads the national-scale synthetic data set (100,000 children, two decades of
                   history), the same for the same seed (default 1) and as-of date (default today)
  schema  [--check] writes schema.graphql (or fails if it is out of date)
  purge   [--dry-run] deletes the records of children past their retention date (75th birthday, 100th in
          Scotland, later for a child who died young), leaving an audit row each; a child with no date
          of birth is kept`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'token':
      return token(rest);
    case 'migrate':
      return withDatabase(async (url) => {
        const applied = await runMigrations(url, MIGRATIONS);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date');
      });
    case 'seed':
      return seed(rest);
    case 'schema':
      return schema(rest);
    case 'purge':
      return purge(rest);
    default:
      console.error(USAGE);
      return 2;
  }
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: 'boolean' },
      national: { type: 'boolean' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
    },
  });
  if (values.national && !values.demo) return seedNational(values.seed ?? '1', values['as-of']);
  if (!values.demo || values.seed !== undefined || values['as-of'] !== undefined) {
    console.error(
      `Say which data set: npm run seed -- --demo, or --national [--seed N] [--as-of YYYY-MM-DD]`,
    );
    return 2;
  }
  return withDatabase(async (url) => {
    await runMigrations(url, MIGRATIONS);
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const result = await seedDemo(dataSource);
      console.log(
        result.skipped
          ? 'The demo data is already loaded'
          : `Loaded the demo data: ${result.children} children`,
      );
      const alerts = await dataSource.transaction((em) =>
        new AlertsService(loadConfig(), new Clock()).evaluate(em, new Date()),
      );
      if (alerts.raised > 0) console.log(`Raised ${alerts.raised} alerts on it`);
      console.log(
        'Try: npm run token -- --role SOCIAL_WORKER --org E09000017 --sub demo-sw-hillingdon --name "Sam Okafor"',
      );
    } finally {
      await dataSource.destroy();
    }
  });
}

const NATIONAL_SIZE = { children: 100_000, meetings: 50_000 };

async function seedNational(seedText: string, asOfText: string | undefined): Promise<number> {
  const asOf = asOfText ?? londonDate(new Date());
  if (!/^\d{1,9}$/.test(seedText) || !isValidIsoDate(asOf)) {
    console.error('--seed takes a whole number (0 to 999999999) and --as-of a date (YYYY-MM-DD)');
    return 2;
  }
  return withDatabase(async (url) => {
    const started = performance.now();
    await runMigrations(url, MIGRATIONS);
    const config = loadConfig();
    const result = await loadNational(
      url,
      { seed: Number(seedText), asOf, ...NATIONAL_SIZE, settings: nationalSettings(config) },
      (line) => console.error(line),
    );
    if (result.skipped) {
      console.log('The national data set is already loaded');
      return;
    }
    printCounts(result);
    // history ends where the as-of day begins; a scan today runs as of now, as the service's would
    const scanAt = asOf === londonDate(new Date()) ? new Date() : startOfLondonDay(asOf);
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const scanStarted = performance.now();
      const alerts = await dataSource.transaction((em) =>
        new AlertsService(config, new Clock()).evaluate(em, scanAt),
      );
      console.log(
        `Alert scan: raised ${alerts.raised} alerts in ${seconds(performance.now() - scanStarted)}`,
      );
    } finally {
      await dataSource.destroy();
    }
    console.log(`Loaded in ${seconds(performance.now() - started)} (seed ${seedText}, as of ${asOf})`);
    if (result.hint) {
      const { org, sub, name } = result.hint;
      console.log(`Try: npm run token -- --role SOCIAL_WORKER --org ${org} --sub ${sub} --name "${name}"`);
    }
  });
}

function nationalSettings(config: AppConfig) {
  return {
    soonAfterPlacementHours: config.missing.soonAfterPlacementHours,
    returnInterviewDueHours: config.missing.returnInterviewDueHours,
    reasonableGroundsTargetWorkingDays: config.nrm.reasonableGroundsTargetWorkingDays,
    recoveryPeriodDays: config.nrm.recoveryPeriodDays,
    guardianAgeLimits: {
      ictg: config.guardianship.ageLimits.ictg,
      scotland: config.guardianship.ageLimits.scotland,
      northernIreland: config.guardianship.ageLimits.northernIreland,
    },
  };
}

function printCounts(result: NationalResult): void {
  const width = Math.max(...Object.keys(result.counts).map((name) => name.length));
  for (const [name, count] of Object.entries(result.counts)) {
    console.log(`  ${name.padEnd(width)} ${count.toLocaleString('en-GB').padStart(10)}`);
  }
  console.log(
    `Generated in ${seconds(result.generatedMs)}, loaded in ${seconds(result.loadedMs)}` +
      (result.triggersSkipped ? '' : ' (with every trigger on)'),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function schema(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' } } });
  const file = resolve(process.cwd(), 'schema.graphql');
  const printed = printSortedSchema(await buildSchema());
  if (values.check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== printed) {
      console.error('schema.graphql is out of date: run `npm run schema` and commit the result');
      return 1;
    }
    console.log('schema.graphql is up to date');
    return 0;
  }
  writeFileSync(file, printed);
  console.log(`Wrote ${file}`);
  return 0;
}

async function purge(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } } });
  return withDatabase(async (url) => {
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const today = londonDate(new Date());
      const result = await dataSource.transaction((em) =>
        purgeExpiredRecords(em, today, CHILD_RECORD_PARTS, values['dry-run']),
      );
      console.log(
        values['dry-run']
          ? `${result.purged} children's records are past their retention date (dry run: nothing deleted)`
          : `Purged the records of ${result.purged} children past their retention date`,
      );
      if (result.undetermined > 0)
        console.log(
          `Kept ${result.undetermined} children's records whose retention date cannot be computed: no date of birth is recorded`,
        );
    } finally {
      await dataSource.destroy();
    }
  });
}

/** Runs `work` against DATABASE_URL, or against the embedded PostgreSQL under DATA_DIR. */
async function withDatabase(work: (url: string) => Promise<void>): Promise<number> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
  try {
    const url = config.databaseUrl ?? (await embedded!.start());
    await checkDatabaseReachable(url);
    await work(url);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof DatabaseUnreachableError)
      console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
