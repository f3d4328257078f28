// Pull mutant matrix, focused part: each mutant only against the scenarios that exercise the behaviour it breaks.
import { FOCUSED_CASES } from './pull-mutant-matrix.js';
import { definePullMutantSuite } from './support/pull-matrix-suite.js';

definePullMutantSuite(FOCUSED_CASES);
