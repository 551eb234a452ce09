import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { INTERVAL_REASON, publicKeyOf } from '@decidimos/contracts';
import { CONFIG, type Config } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import {
  AUDIT_HEADS,
  AUDIT_LEAVES,
  AUDIT_TREES,
  type AuditHeadDoc,
  type AuditLeafDoc,
  type AuditTreeDoc,
} from './audit-log.projection';
import { signOnce } from './tree-head-signer';

/**
 * Signs a head over each edition's tree every `TREE_HEAD_INTERVAL` while events arrive,
 * so a ballot's receipt is provable within that interval (Certificate Transparency's
 * maximum merge delay) instead of at the next phase change, and casts never wait for a
 * signature. A head is signed over the tree as the audit projection has built it; the
 * size alone names the head's event, so replicas signing at once record it once.
 *
 * A tree whose last leaf is a phase change or a tally is left to the tree-head signer,
 * which signs exactly that size with that reason; one whose last leaf is a head has had
 * nothing new since.
 */
@Injectable()
export class IntervalTreeHeads implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TreeHeads');
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;
  private readonly key: { privateKey: string; publicKey: string };

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {
    this.key = { privateKey: config.auditSigningKey, publicKey: publicKeyOf(config.auditSigningKey) };
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.signDue().catch((error: unknown) => this.logger.error(`signing interval tree heads: ${String(error)}`));
    }, this.config.treeHeadIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Signs every tree that grew since its last head; resolves to how many it signed (another replica may have recorded the same head first). */
  signDue(): Promise<number> {
    this.running ??= this.signAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async signAll(): Promise<number> {
    let signed = 0;
    const { items: trees } = await this.readModels.collection<AuditTreeDoc>(AUDIT_TREES).find();
    for (const tree of trees) if (await this.signIfGrown(tree)) signed++;
    return signed;
  }

  private async signIfGrown({ id: editionId, size }: AuditTreeDoc): Promise<boolean> {
    if (size === 0) return false;
    const { items: latest } = await this.readModels.collection<AuditHeadDoc>(AUDIT_HEADS).find({
      filter: { editionId },
      sort: [{ field: 'treeSize', direction: 'desc' }],
      limit: 1,
    });
    if (latest[0] && size <= latest[0].leafIndex + 1) return false;
    const { items: last } = await this.readModels
      .collection<AuditLeafDoc>(AUDIT_LEAVES)
      .find({ filter: { editionId, index: size - 1 }, limit: 1 });
    if (!last[0] || (last[0].headReason ?? null) !== null) return false;
    const appended = await signOnce(this.events, this.readModels, this.key, editionId, {
      editionId,
      treeSize: size,
      timestamp: new Date().toISOString(),
      reason: INTERVAL_REASON,
    });
    return appended !== undefined;
  }
}
