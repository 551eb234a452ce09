import type { EventPayload, TreeHead } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';

/** An edition's signed tree heads (stream `audit-<edition>`). */
export type TreeHeadEvent = { type: 'TreeHeadSigned'; data: EventPayload<'TreeHeadSigned'> };

export type TreeHeadsState = { signedSizes: number[] };

export interface RecordTreeHead {
  type: 'RecordTreeHead';
  head: TreeHead;
  publicKey: string;
}

export const treeHeadDecider: Decider<RecordTreeHead, TreeHeadEvent, TreeHeadsState> = {
  initialState: () => ({ signedSizes: [] }),

  // One head per tree size: a second replica, or a repeat after a crash, records nothing.
  decide({ head, publicKey }, state) {
    if (state.signedSizes.includes(head.treeSize)) return [];
    return [{ type: 'TreeHeadSigned', data: { ...head, publicKey } }];
  },

  evolve(state, event) {
    return { signedSizes: [...state.signedSizes, event.data.treeSize] };
  },
};
