/**
 * zod 4 compiles object parsers with `new Function` unless told not to; the production CSP has no
 * 'unsafe-eval', and even zod's own probe for it is a CSP violation. Imported first by every io
 * module that parses, by the app entry and by the workers, so no parse ever happens before it.
 */
import { config } from 'zod';

config({ jitless: true });
