/**
 * Prints one closing line in the plain form CI reads ("jest: N passed, N failed, N skipped"),
 * since jest's own summary ("Tests: N passed, N total") is not a form it knows.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
