// Discord ids (snowflakes) as every boundary checks them: configuration, data files, options, typed commands.
import { z } from 'zod';

export const SNOWFLAKE = /^\d{17,20}$/;

export function snowflakeSchema(message = 'must be a Discord id (17–20 digits)') {
  return z.string().regex(SNOWFLAKE, message);
}
