// `yo k8s-chart:component NAME`'s entry. Yeoman's own packages need Node 22.18 or later and fail on an
// older Node with an error that names neither (`TEXT_ENCODINGS.union is not a function`): check Node
// first, then load the generator.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  throw new Error(`k8s-chart needs Node.js 22.18 or later (this is ${process.version}); see https://nodejs.org`);
}

const { default: ComponentGenerator } = await import('./generator.ts');
export default ComponentGenerator;
