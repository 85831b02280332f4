// Runs in a worker thread: parses one actor directory and posts the result back (see parseDirectoryOffThread).
import { parentPort, workerData } from 'node:worker_threads';
import { parseDirectory } from './directory.ts';

const { text, file } = workerData as { text: string; file: string };
parentPort?.postMessage(parseDirectory(text, file));
