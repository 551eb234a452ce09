import { generateSigningKey } from '@decidimos/contracts/audit/tree-head';
import {
  ballot,
  EDITION,
  includedAnswer,
  otherLeafHash,
  pendingAnswer,
  PUBLIC_KEY,
  treeHead,
} from '../../testing/audit-fixture';
import { headSignatures, receiptVerdict } from './verify';

describe('the verdict on a receipt, checked in the browser', () => {
  it('is verified when the proof leads from the ballot to the root of a head the published key signed', () => {
    expect(receiptVerdict(ballot, includedAnswer())).toEqual({ state: 'verified', treeHead });
  });

  it('is pending while no signed head covers the ballot', () => {
    expect(receiptVerdict(ballot, pendingAnswer())).toEqual({ state: 'pending' });
  });

  it('fails, as a mismatch, when the recorded ballot is not the one the receipt names, even before it is signed', () => {
    for (const answer of [includedAnswer({ leafHash: otherLeafHash }), pendingAnswer({ leafHash: otherLeafHash })]) {
      expect(receiptVerdict(ballot, answer)).toMatchObject({ state: 'failed', cause: 'mismatch' });
    }
  });

  it('fails when the proof is for another position or the root is not the signed one', () => {
    expect(receiptVerdict(ballot, includedAnswer({ leafIndex: 4 }))).toEqual({
      state: 'failed',
      cause: 'proof',
      findings: ['the inclusion proof fails'],
    });
    const forged = { ...treeHead, rootHash: '0'.repeat(64) };
    expect(receiptVerdict(ballot, includedAnswer({ treeHead: forged }))).toMatchObject({
      state: 'failed',
      cause: 'proof',
    });
  });

  it('fails when another key signed the head than the one published', () => {
    const verdict = receiptVerdict(ballot, includedAnswer({ publicKey: generateSigningKey().publicKey }));
    expect(verdict).toMatchObject({ state: 'failed', cause: 'proof' });
  });
});

describe('the published tree heads', () => {
  it('each have their signature checked against the published key', () => {
    const document = { editionId: EDITION, publicKey: PUBLIC_KEY, keyId: treeHead.keyId, consistency: [] };
    const tampered = { ...treeHead, treeSize: 8 };
    expect(headSignatures({ ...document, treeHeads: [treeHead, tampered] })).toEqual([true, false]);
  });
});
