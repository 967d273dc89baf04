// Every suite of this folder in one jest test file, as npm test and CI run them (test/support/suite-groups.ts).
import { runSuitesOf } from '@test/support/suite-groups';

runSuitesOf(__dirname);
