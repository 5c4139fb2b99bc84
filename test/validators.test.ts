// The checks the questions use (yeoman-test's stand-in prompts never call them, so they are
// tested here, directly).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  listCheck,
  validateAnnotationKey,
  validateChartName,
  validateEnvVarName,
  validateHostname,
  validateImageDigest,
  validateImageRepository,
  validateImageTag,
  validatePort,
  splitImageReference,
  validateImageReference,
  type Check,
} from '../src/validators.ts';
import { parsePairs, parseYamlMap } from '../src/prompts.ts';

function cases(name: string, check: Check, good: string[], bad: string[]) {
  test(name, () => {
    for (const value of good) assert.is(check(value), true, `${name} should accept ${JSON.stringify(value)}`);
    for (const value of bad) {
      const result = check(value);
      assert.type(result, 'string', `${name} should reject ${JSON.stringify(value)}`);
      assert.ok((result as string).length > 10, 'the message says what is allowed');
    }
  });
}

cases('chart name', validateChartName, ['shop-api', 'a', 'a1-b2', 'x'.repeat(53)], ['Shop-API', 'shop_api', '-a', 'a-', '1abc', '', 'x'.repeat(54)]);
cases('image repository', validateImageRepository, ['nginx', 'ghcr.io/acme/shop-api', 'localhost:5000/a/b', 'docker.io/library/busybox'], ['ghcr.io/acme/shop-api:1.0', 'Acme/app', 'app@sha256:abc', '']);
cases('image tag', validateImageTag, ['1.4.2', 'v1', 'release_2024-01'], ['latest', '', '-x', 'a b', 'x'.repeat(129)]);
cases('image digest', validateImageDigest, [`sha256:${'a'.repeat(64)}`], ['sha256:abc', `sha512:${'a'.repeat(64)}`, `sha256:${'A'.repeat(64)}`]);
cases('environment variable name', validateEnvVarName, ['API_TOKEN', '_x', 'a1'], ['1A', 'API-TOKEN', 'A B', '']);
cases('port', validatePort, ['1', '8080', '65535'], ['0', '65536', '70000', '80.5', 'http', '']);
cases('host name', validateHostname, ['shop.example.com', '*.example.com', 'localhost'], ['Shop.example.com', 'shop_example.com', 'http://x', '*']);
cases('annotation key', validateAnnotationKey, ['example.com/name', 'simple', 'a.b/c_d'], ['a/b/c', '/x', 'UPPER.com/x', '']);
cases('secret key list', listCheck(validateEnvVarName), ['A', 'A, B', 'A,B,C'], ['A, 1B', 'A, A']);

test('KEY=value pairs keep "=" inside values', () => {
  assert.equal(parsePairs('LOG_LEVEL=info, URL=http://x/?a=b'), [
    ['LOG_LEVEL', 'info'],
    ['URL', 'http://x/?a=b'],
  ]);
});

const digest = `sha256:${'a'.repeat(64)}`;
cases('image as pasted', validateImageReference, ['ghcr.io/acme/shop', 'ghcr.io/acme/shop:1.4.2', 'localhost:5000/app', 'localhost:5000/app:1.0', `app@${digest}`, `app:1.0@${digest}`], ['Acme/app:1.0', 'app@sha256:abc', '']);

test('a pasted image: the tag is what follows the last ":" after the last "/" (a registry port is not a tag)', () => {
  assert.equal(splitImageReference('ghcr.io/acme/shop:1.4.2'), { repository: 'ghcr.io/acme/shop', tag: '1.4.2' });
  assert.equal(splitImageReference('localhost:5000/app:1.0'), { repository: 'localhost:5000/app', tag: '1.0' });
  assert.equal(splitImageReference('localhost:5000/app'), { repository: 'localhost:5000/app' });
  assert.equal(splitImageReference(`ghcr.io/acme/shop:1.4.2@${digest}`), { repository: 'ghcr.io/acme/shop', tag: '1.4.2', digest });
  assert.equal(splitImageReference(`ghcr.io/acme/shop@${digest}`), { repository: 'ghcr.io/acme/shop', digest });
});

test('a pasted image with a tag that is not pinned is refused with the reason', () => {
  assert.is(validateImageReference('ghcr.io/acme/shop:latest'), 'its tag "latest" must be a pinned tag such as 1.4.2 (letters, digits, ".", "_", "-"), never "latest"');
  assert.match(String(validateImageReference('localhost:5000/app:')), 'its tag ""');
});

test('configuration as a YAML map: each value one string, kept as typed', () => {
  assert.equal(parseYamlMap('{FEATURE_X: "a,b", VERSION: 1.10, MODE: 0755, DEBUG: true}'), { FEATURE_X: 'a,b', VERSION: '1.10', MODE: '0755', DEBUG: 'true' });
  assert.type(parseYamlMap('[a, b]'), 'string');
  assert.match(String(parseYamlMap('{A: {B: 1}}')), '"A" must have a single value');
  assert.match(String(parseYamlMap('{A: ')), 'not valid YAML');
});

test.run();
