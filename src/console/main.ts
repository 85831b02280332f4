// Entry point of `npm run console`.
import { configOrExit } from '../config/startupConfig.ts';
import { runConsole } from './console.ts';

const config = configOrExit();
process.exitCode = await runConsole({ config, args: process.argv.slice(2) });
