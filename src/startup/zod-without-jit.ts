// A build is a short process: the parsers zod compiles for its schemas (with
// new Function, the first time each schema parses) take longer to make than
// they save on the few objects a build checks, and no code cache keeps them.
// Imported first by the command, since a schema reads this when it is made.
import { config } from 'zod';

config({ jitless: true });
