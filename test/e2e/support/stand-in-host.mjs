// A stand-in for dist/web-host/main.mjs that only honours the command line and the ready line,
// so harness.spec.ts can test the harness without a build. POS_STAND_IN=crash exits instead.
import { createServer } from 'node:http';

const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
console.error(`stand-in host: ${process.argv.slice(2).join(' ')}`);
if (process.env.POS_STAND_IN === 'crash') {
  console.error('stand-in host: refusing to start (database from the future)');
  process.exit(3);
}
const server = createServer((_req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(JSON.stringify({ data: arg('--data'), demo: process.argv.includes('--demo'), pid: process.pid }));
});
server.listen(Number(arg('--port')), '127.0.0.1', () => {
  console.log(`ready http://127.0.0.1:${server.address().port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
