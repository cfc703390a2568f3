import { startMailbox } from './start-mailbox';

const smtpPort = Number(process.argv[2] ?? 2525);
const httpPort = Number(process.argv[3] ?? 1080);
void startMailbox({ smtpPort, httpPort }).then((m) => {
  process.stdout.write(`mailbox: smtp://127.0.0.1:${m.smtpPort} · http://127.0.0.1:${m.httpPort}\n`);
  const stop = () => void m.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
