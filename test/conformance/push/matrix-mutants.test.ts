// THE matrix, part 2: each mutant against the scenarios that expose it; exactly the expected rules fail.
import { MUTANT_MATRIX } from './mutant-matrix.js';
import { defineMutantSuite } from './support/matrix-suite.js';

defineMutantSuite(MUTANT_MATRIX);
