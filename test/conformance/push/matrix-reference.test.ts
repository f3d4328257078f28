// THE matrix, part 1: every built-in scenario against the reference push client; every rule must pass.
import { defineReferenceSuite, SCENARIO_IDS } from './support/matrix-suite.js';

defineReferenceSuite(SCENARIO_IDS);
