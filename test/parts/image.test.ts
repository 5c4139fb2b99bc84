// The image part through its own interface: its answers, defaults, rules and values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accepted, assertValues, base, modelOf, partNamed, refusedAt, ruleProblems } from '../support/parts.ts';

const image = partNamed('image');

test('schema: an answer of the wrong shape is refused by its path', () => {
  accepted(base());
  refusedAt({ ...base(), image: undefined }, 'image.repository', /required/);
  refusedAt(base({ image: { repository: 'ghcr.io/acme/app', tag: 'latest' } }), 'image.tag');
  refusedAt(base({ image: { repository: 'ghcr.io/acme/app', digest: 'md5:abc' } }), 'image.digest');
  refusedAt(base({ image: { repository: 'ghcr.io/acme/app', pullPolicy: 'Sometimes' } }), 'image.pullPolicy', /must be one of/);
});

test('model: the tag empty when it is appVersion (the chart helper falls back to it), IfNotPresent', () => {
  assert.equal(modelOf(base()).image, { repository: 'ghcr.io/acme/app', tag: '', digest: '', pullPolicy: 'IfNotPresent' });
  assert.is(modelOf(base({ image: { repository: 'ghcr.io/acme/app', tag: '1.0.0' } })).image.tag, '', 'the same as appVersion');
  assert.is(modelOf(base({ image: { repository: 'ghcr.io/acme/app', tag: '1.0.1' } })).image.tag, '1.0.1');
});

test('rules: a pinned image; an appVersion that stands in for the tag is a valid tag', () => {
  assert.equal(ruleProblems(image, base()), []);
  assert.equal(ruleProblems(image, { name: 'app', image: { repository: 'ghcr.io/acme/app' } }), ['image.tag: required unless image.digest or appVersion is set']);
  assert.equal(ruleProblems(image, { name: 'app', image: { repository: 'ghcr.io/acme/app', digest: `sha256:${'a'.repeat(64)}` } }), []);
  assert.match(ruleProblems(image, base({ appVersion: '1.0 beta' })).join('\n'), /^appVersion: is the image tag while image\.tag is not set, so it /m);
  assert.equal(ruleProblems(image, base({ appVersion: '1.0 beta', image: { repository: 'ghcr.io/acme/app', tag: '1.0' } })), []);
});

test('values: image and imagePullSecrets in every chart', () => {
  assertValues(image, ['image', 'imagePullSecrets'], base());
});

test.run();
