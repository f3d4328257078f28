// Pull mutant matrix, part 2 of 2: the other whole-library mutants against the whole pull scenario library.
import { WHOLE_LIBRARY_CASES } from './pull-mutant-matrix.js';
import { definePullMutantSuite } from './support/pull-matrix-suite.js';

definePullMutantSuite(WHOLE_LIBRARY_CASES.filter((_, i) => i % 2 === 1));
