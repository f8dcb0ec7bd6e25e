import fc from 'fast-check';

// Under mutation testing a property only has to fail, not explain itself: skip shrinking the
// counterexample, which can take longer than the mutant's time limit and turn a kill into a timeout.
fc.configureGlobal({ endOnFailure: true });
