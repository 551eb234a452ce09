import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom leaves out the encoders every browser has (react-router and the audit code use them).
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Every test starts with an empty device: no draft, no language choice left by another test.
beforeEach(() => {
  if (typeof window !== 'undefined') localStorage.clear();
});
