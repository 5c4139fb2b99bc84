// `k8s-chart check`, the rule checker: a module of its own beside the generator (src/). It reads
// rendered manifests, not answers or models, and shares one thing with the generator: the kinds
// table (src/kinds/traits.ts), asked what a manifest's `kind:` is. The bin loads it only for
// `check` (scripts/build.mjs keeps it out of the bundle).
export { RULES, OLDEST_KUBERNETES_MINOR, checkManifests, formatFinding, type Finding, type K8sObject, type Rule } from './rules.ts';
export { CHECK_USAGE, runCheck, type CheckIo } from './cli.ts';
