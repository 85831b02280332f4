// Every command Dossier offers. The dispatcher and the command sync both read this list.
import type { CommandModule } from '../src/dispatch/commandModule.ts';
import { changesCommand } from './changes.ts';
import { findActorsCommand } from './findActors.ts';
import { helpCommand } from './help.ts';
import { profileCommand } from './profile.ts';
import { relationsCommand } from './relations.ts';
import { searchCommand } from './search.ts';

export const COMMANDS: readonly CommandModule[] = [
  profileCommand,
  relationsCommand,
  searchCommand,
  helpCommand,
  changesCommand,
  findActorsCommand,
];
