// Public surface of the control plane's guard: who may reach /_mock/**, and how much it reads.
export { controlBodyCap } from './body-cap.js';
export {
  type ControlAccess,
  type ControlAccessInput,
  generateControlToken,
  resolveControlAccess,
} from './control-access.js';
export { CONTROL_TOKEN_COOKIE, type ControlRefusalCode, controlGuard } from './control-guard.js';
export { isLoopbackHost } from './loopback.js';
export { CONTROL_SETTINGS, type ControlSettings } from './settings.js';
