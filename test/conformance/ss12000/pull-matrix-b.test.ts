// Pull mutant matrix, part 2 of 2: the other mutants against the whole pull scenario library.
import { PULL_MUTANT_MATRIX } from './pull-mutant-matrix.js';
import { definePullMutantSuite } from './support/pull-matrix-suite.js';

definePullMutantSuite(PULL_MUTANT_MATRIX.filter((_, i) => i % 2 === 1));
