// Public surface of the clock capability.
export type { CancelTimer, Clock, ControlledClock } from './clock.js';
export { createControlledClock, createRealClock, MAX_TIMEOUT_MS } from './clock.js';
export { formatSwedishTime } from './swedish-time.js';
