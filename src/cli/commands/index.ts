// The commands of `tenderlens`, in the order the help lists them. A new command is one module and one line here.
import type { Command } from '../command';
import { inspectCommand } from './inspect';
import { scanCommand } from './scan';
import { matchCommand } from './match';
import { checkBiddersCommand } from './check-bidders';
import { disclosureCommand } from './disclosure';

export const COMMANDS: readonly Command[] = [inspectCommand, matchCommand, scanCommand, checkBiddersCommand, disclosureCommand];
