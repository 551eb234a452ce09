import type { TreeHead } from '@decidimos/contracts';
import { deciderSpec } from '../../testing/decider-spec';
import { treeHeadDecider, type TreeHeadEvent } from './tree-head.decider';

const publicKey = 'b'.repeat(64);
const head = (treeSize: number): TreeHead => ({
  editionId: 'pp-2027',
  treeSize,
  rootHash: 'c'.repeat(64),
  timestamp: '2027-03-01T00:00:00.000Z',
  reason: 'phase:proposals',
  keyId: 'key-1',
  signature: 'c2lnbmF0dXJl',
});
const signed = (treeSize: number): TreeHeadEvent => ({
  type: 'TreeHeadSigned',
  data: { ...head(treeSize), publicKey },
});
const spec = deciderSpec(treeHeadDecider);

describe('tree head decider', () => {
  it('records the first head of an edition', () => {
    spec([])
      .when({ type: 'RecordTreeHead', head: head(2), publicKey })
      .then([signed(2)]);
  });

  it('records a head over a larger tree after earlier ones', () => {
    spec([signed(2), signed(5)])
      .when({ type: 'RecordTreeHead', head: head(9), publicKey })
      .then([signed(9)]);
  });

  it('records nothing for a tree size already signed, whoever signed it (a second replica, a repeat after a crash)', () => {
    spec([signed(2), signed(5)])
      .when({ type: 'RecordTreeHead', head: { ...head(5), timestamp: '2027-03-02T00:00:00.000Z' }, publicKey })
      .then([]);
  });
});
