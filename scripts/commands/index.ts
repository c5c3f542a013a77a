/** Every `pusdat` command, in the order of a request's life (the order of the help). Adding a command = one file and one line here. */
import { archive } from "./archive";
import { audit } from "./audit";
import { docs } from "./docs";
import { evaluateCommand } from "./evaluate";
import { plan } from "./plan";
import type { PusdatCommand } from "./types";
import { validate } from "./validate";
import { verify } from "./verify";

export const COMMANDS: PusdatCommand[] = [validate, plan, verify, docs, archive, audit, evaluateCommand];
