import http from 'node:http';
import { createRequire } from 'node:module';

/**
 * The baseline docs/architecture.md names: a plain node:http handler that parses the JSON body and inserts
 * one document per request into the same FerretDB, with the same driver and pool size.
 */
const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.BENCH_MONGODB_URL, { maxPoolSize: 20, retryWrites: false });
await client.connect();
const registrations = client.db().collection('baseline_registrations');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const r = await registrations.insertOne({ eventId: req.url, ...body, createdAt: new Date() });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(r.insertedId), status: 'stored' }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.message }));
    }
  });
});
server.listen(0, '127.0.0.1', 4096, () => process.send({ port: server.address().port }));
