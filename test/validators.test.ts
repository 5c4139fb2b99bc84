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
  type Check,
} from '../src/validators.ts';
import { parsePairs } from '../src/prompts.ts';

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

test.run();
