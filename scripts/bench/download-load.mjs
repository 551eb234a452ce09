// The downloaders of the download benchmark, in their own process so that reading the
// bodies does not share an event loop with the casts being timed: `clients` anonymous
// clients each download the whole export again and again until SIGTERM, then print what
// they got as one JSON line. Prints "started" once every client has a download under way.
const { url, clients } = JSON.parse(process.argv[2]);

let completed = 0;
let bytes = 0;
let stopping = false;
let underWay = 0;
const statuses = {};
const started = performance.now();

async function client() {
  let first = true;
  while (!stopping) {
    try {
      const response = await fetch(url);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (first && ++underWay === clients) console.log('started');
      first = false;
      for await (const chunk of response.body) bytes += chunk.byteLength;
      completed += 1;
    } catch (error) {
      // Reported with the statuses: a download the server dropped.
      const status = `error ${error.cause?.code ?? error.message}`;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
}

process.on('SIGTERM', () => {
  stopping = true;
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ completed, bytes, seconds, statuses }));
  process.exit(0);
});
await Promise.all(Array.from({ length: clients }, client));
