import { deciderSpec } from '../../testing/decider-spec';
import { staffDecider, type StaffEvent } from './staff.decider';

const staff = 'c'.repeat(64);
const admin = 'a'.repeat(64);
const granted: StaffEvent = { type: 'RoleGranted', data: { staff, role: 'reviewer', by: admin } };
const spec = deciderSpec(staffDecider);

describe('staff decider', () => {
  it('grants a role once; granting it again records nothing', () => {
    spec([]).when({ type: 'GrantRole', staff, role: 'reviewer', by: admin }).then([granted]);
    spec([granted]).when({ type: 'GrantRole', staff, role: 'reviewer', by: admin }).thenNothingHappened();
  });

  it('revokes a granted role; revoking a missing one records nothing', () => {
    spec([granted])
      .when({ type: 'RevokeRole', staff, role: 'reviewer', by: admin })
      .then([{ type: 'RoleRevoked', data: { staff, role: 'reviewer', by: admin } }]);
    spec([]).when({ type: 'RevokeRole', staff, role: 'auditor', by: admin }).thenNothingHappened();
  });
});
