import { describeSharedRateLimits } from '../testing/shared-rate-limits.behaviour';
import { describeTwoInstances } from '../testing/two-instances.behaviour';

// Both instances on the embedded SQLite files of one DATA_DIR (WAL mode).
describeTwoInstances('the embedded SQLite store', () => ({}));
describeSharedRateLimits('the embedded SQLite store', () => ({}));
