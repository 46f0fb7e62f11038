// Starts @20minutes/s3rver for Lifeboat's integration tests: path-style, SigV4-verifying, credentials
// S3RVER/S3RVER, on 127.0.0.1 and a free port, storing objects in the given directory.
// Usage: node --openssl-legacy-provider s3rverLauncher.js NODE_MODULES_DIR DATA_DIR BUCKET...
// Prints one line "PORT <n>" once listening; exits when stdin closes (the test process ended).
// S3RVER_EXTRA_KEY_ID / S3RVER_EXTRA_SECRET: a second key pair the server accepts besides S3RVER/S3RVER.
'use strict'
const path = require('path')
const [nodeModules, directory, ...buckets] = process.argv.slice(2)
const S3rver = require(path.resolve(nodeModules, '@20minutes/s3rver'))
const fs = require('fs')
if (process.env.S3RVER_EXTRA_KEY_ID) {
  const { DUMMY_ACCOUNT } = require(path.resolve(nodeModules, '@20minutes/s3rver/lib/models/account'))
  DUMMY_ACCOUNT.createKeyPair(process.env.S3RVER_EXTRA_KEY_ID, process.env.S3RVER_EXTRA_SECRET)
}
// Optional TLS: S3RVER_KEY and S3RVER_CERT name PEM files.
const tls = process.env.S3RVER_KEY
  ? { key: fs.readFileSync(process.env.S3RVER_KEY), cert: fs.readFileSync(process.env.S3RVER_CERT) }
  : {}
const server = new S3rver({
  ...tls,
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  vhostBuckets: false,
  allowMismatchedSignatures: false,
  configureBuckets: buckets.map((name) => ({ name })),
})
server.run().then(
  (address) => {
    process.stdout.write(`PORT ${address.port}\n`)
  },
  (err) => {
    process.stderr.write(`s3rver failed to start: ${err}\n`)
    process.exit(1)
  },
)
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
