// Pull mutant matrix, part 1 of 2: every other whole-library mutant against the whole pull scenario library.
import { WHOLE_LIBRARY_CASES } from './pull-mutant-matrix.js';
import { definePullMutantSuite } from './support/pull-matrix-suite.js';

definePullMutantSuite(WHOLE_LIBRARY_CASES.filter((_, i) => i % 2 === 0));
