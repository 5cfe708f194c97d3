import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const FILE = process.env.STRYKER_STREAM_FILE ?? 'reports/mutation/tested.jsonl';

/**
 * One line per mutant as soon as it is tested. Stryker writes its own reports only when the whole
 * run ends, and a run is long: one cut short keeps what it learned here.
 */
class StreamReporter {
  constructor() {
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, '');
  }

  /** @param {import('@stryker-mutator/api/core').MutantResult} result */
  onMutantTested(result) {
    const { fileName, location, mutatorName, replacement, status, static: isStatic } = result;
    appendFileSync(
      FILE,
      `${JSON.stringify({ fileName, line: location.start.line, column: location.start.column, mutatorName, replacement, status, static: isStatic })}\n`,
    );
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'stream', StreamReporter)];
