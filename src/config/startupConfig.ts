// How every entry point starts: .env into the environment, then the Config, or one line per bad variable and exit 1.
import { config as loadDotenv } from 'dotenv';
import { type Config, loadConfig } from './config.ts';

export function configOrExit(): Config {
  loadDotenv({ quiet: true });
  const parsed = loadConfig(process.env);
  if (parsed.ok) return parsed.config;
  for (const e of parsed.errors) console.error(`config: ${e}`);
  process.exit(1);
}
