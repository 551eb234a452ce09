import { Module } from '@nestjs/common';
import { AdvancePhaseHandler } from './commands/advance-phase';
import { DraftEditionHandler } from './commands/draft-edition';
import { EditEditionHandler } from './commands/edit-edition';
import { SetCalendarHandler } from './commands/set-calendar';
import { RecordTallyHandler } from './commands/record-tally';
import { EditionLoader } from './edition-loader';
import { EditionsController } from './editions.controller';
import { EditionsReadModel } from './editions.read-model';
import { PhaseClock } from './phase-clock';

@Module({
  controllers: [EditionsController],
  providers: [
    EditionsReadModel,
    EditionLoader,
    DraftEditionHandler,
    AdvancePhaseHandler,
    EditEditionHandler,
    SetCalendarHandler,
    RecordTallyHandler,
    PhaseClock,
  ],
  exports: [EditionsReadModel, EditionLoader],
})
export class EditionsModule {}
