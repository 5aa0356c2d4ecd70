'use strict';
// Mocha's spec output, plus one plain closing line ("N passed, N failed, N skipped")
// that CI systems which do not parse mocha's own summary can read. Under `--parallel` (.mocharc.json) this reporter
// runs in the main process, whose runner counts what the workers report; a file that fails to load counts as a failure.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(`\nmocha: ${passes} passed, ${failures} failed, ${pending} skipped\n`);
    });
  }
}

module.exports = SummaryReporter;
