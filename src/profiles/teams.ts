// data/teams.yaml: binds Discord channels to an actor, for channels whose names do not say which.
import { z } from 'zod';
import { snowflakeSchema } from '../snowflake.ts';
import type { Diagnostic } from './schema.ts';
import { readYamlFile, validateAt } from './yamlFile.ts';

const channelIdSchema = snowflakeSchema('a channel id is a 17–20 digit snowflake');
const refSchema = z.string().min(1, 'give an actor code or a profile id');

export interface TeamBinding {
  channel: string;
  /** Actor code or profile id. */
  ref: string;
  line: number;
}

export function parseTeams(text: string, file: string, diagnostics: Diagnostic[]): TeamBinding[] {
  // Channel ids are 17–20 digits: read as numbers they would lose their last digits, so everything is a string.
  const yaml = readYamlFile(text, file, 'failsafe');
  const channels = (yaml.value as { channels?: unknown } | null)?.channels || {};
  const bindings: TeamBinding[] = [];
  if (typeof channels !== 'object' || channels === null || Array.isArray(channels)) {
    yaml.diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf(['channels']),
      message: 'channels: expected a map of channel id → actor',
    });
  } else {
    for (const [channel, ref] of Object.entries(channels)) {
      const id = validateAt(yaml, file, ['channels', channel], channel, channelIdSchema);
      const actor = validateAt(yaml, file, ['channels', channel], ref, refSchema);
      if (id !== null && actor !== null)
        bindings.push({ channel: id, ref: actor, line: yaml.lineOf(['channels', channel]) });
    }
  }
  diagnostics.push(...yaml.diagnostics);
  return bindings;
}
