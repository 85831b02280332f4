// Defaults shared by the bot, the console and the tools.
export const DEFAULT_DATA_DIR = 'data';
/** Where Dossier keeps what it writes itself (index snapshots, history): never inside DATA_DIR. */
export const DEFAULT_STATE_DIR = 'state';
