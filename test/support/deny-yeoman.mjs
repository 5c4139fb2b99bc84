// Loaded with `node --import` by a test: fails any import of a Yeoman package, to prove the bin's
// --answers path never loads Yeoman (its start-up cost is most of a second).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^(yeoman-|@yeoman\/)/.test(specifier)) throw new Error(`loaded ${specifier} on the --answers path`);
    return nextResolve(specifier, context);
  },
});
