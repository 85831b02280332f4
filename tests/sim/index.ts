// Public entry point of the Discord simulator used by end-to-end tests.

export {
  autocomplete,
  button,
  type InteractionContext,
  type InteractionSpec,
  messageCommand,
  OptionType,
  slash,
} from './builders.ts';
export {
  checkAutocomplete,
  checkCallback,
  checkCommand,
  checkCommandList,
  checkMessage,
  codePoints,
} from './checkLimits.ts';
export { DiscordSimulator, type DispatchOptions, type RequestMatcher } from './DiscordSimulator.ts';
export { shardFor, snowflake, snowflakeForShard, snowflakeTime } from './snowflake.ts';
export type { InteractionResult, ResponseOptions, TrackedInteraction } from './TrackedInteraction.ts';
export type * from './types.ts';
