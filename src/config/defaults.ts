// Defaults shared by the bot, the console and the tools.
export const DEFAULT_DATA_DIR = 'data';
