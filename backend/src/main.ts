import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApplication } from './app.factory';
import { loadConfig } from './config/config';
import { seedDemoEdition } from './seed/demo-edition';

async function main() {
  const config = loadConfig();
  const app = await createApplication(config);
  await app.init();
  if (config.seedDemo) await seedDemoEdition(app);
  await app.listen(config.port, config.host);
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  new Logger('Decidimos').log(`listening on ${url} (data in ${config.dataDir})`);
}

// A wrong setting (EVENTSTORE_URL, MONGODB_URL, …) stops the process here, its message naming it.
main().catch((error: unknown) => {
  console.error(`Decidimos cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
