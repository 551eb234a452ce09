import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RoleChange, Role } from '@decidimos/contracts';
import { CONFIG, type Config } from '../../config/config';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { CallerRoles } from '../caller-roles';
import { staffDecider } from '../domain/staff.decider';
import { staffPseudonym } from '../pseudonyms';
import { staffStream } from '../streams';

/** An admin gives a staff role to an iD Digital subject; the log records only the staff pseudonym. */
export class GrantRole extends Command<RoleChange> {
  constructor(
    readonly subject: string,
    readonly role: Role,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(GrantRole)
export class GrantRoleHandler implements ICommandHandler<GrantRole> {
  constructor(
    private readonly es: EventSourcing,
    private readonly callerRoles: CallerRoles,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ subject, role, by }: GrantRole): Promise<RoleChange> {
    const staff = staffPseudonym(this.config.voterKey, subject);
    const { events } = await this.es.execute(staffStream(staff), staffDecider, { type: 'GrantRole', staff, role, by });
    this.callerRoles.forget(subject);
    return { subject, role, changed: events.length > 0 };
  }
}
