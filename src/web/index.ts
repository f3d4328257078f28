// Public surface of the web capability: the pages' sub-app, the shared flow palette, and the unjournaled paths.

export { FLOW_CSS } from '../flow-style/flow-css.js';
export {
  CALL_KIND_COLOURS,
  FLOW_LANES,
  type FlowCallKind,
  type FlowLane,
  type FlowLaneId,
  laneIndex,
  lanesOfCallKind,
  STATUS_CLASSES,
  statusColour,
} from '../flow-style/flow-palette.js';
export { CONTROL_INDEX } from './control-index/control-routes-index.js';
export { SIGN_IN_MOUNTS, signInOnRefusal } from './sign-in/sign-in-on-refusal.js';
export { createWebApp, type WebApp, type WebAppOptions } from './web-app.js';
export { isUnjournaledWebPath, WEB_PATHS } from './web-paths.js';
