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
  new Logger('Decidimos').warn(`listening on ${url} (data in ${config.dataDir})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
