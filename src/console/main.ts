// Entry point of `npm run console`.
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config/config.ts';
import { runConsole } from './console.ts';

loadDotenv({ quiet: true });
const parsed = loadConfig(process.env);
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`config: ${e}`);
  process.exit(1);
}
process.exitCode = await runConsole({ dataDir: parsed.config.DATA_DIR, args: process.argv.slice(2) });
