import { describe, expect, it } from 'vitest';
import { failingFindings, type LintMessage, type LintReport } from '../../scripts/build/lint-findings.js';

/** Around the flagged column of bundled Preact, minified and not. */
const PREACT_CODE = ['(t.innerHTML=g.__html),n.__k=[]', '(t.innerHTML = h.__html), r.__k = [])'];

const innerHtmlWarning: LintMessage = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'assets/jsxRuntime.js',
  line: 1,
  column: 9002,
};

function report(partial: Partial<LintReport>): LintReport {
  return { errors: [], warnings: [], notices: [], ...partial };
}

describe('failingFindings', () => {
  it("lets Preact's own dangerouslySetInnerHTML assignment pass", () => {
    for (const code of PREACT_CODE) {
      const seen: unknown[] = [];
      const codeAt = (...where: unknown[]) => (seen.push(where), code);
      expect(failingFindings(report({ warnings: [innerHtmlWarning] }), codeAt)).toEqual([]);
      expect(seen).toEqual([['assets/jsxRuntime.js', 1, 9002]]);
    }
  });

  it('fails the same warning anywhere else, or where it cannot be located', () => {
    const warnings = [innerHtmlWarning];
    expect(failingFindings(report({ warnings }), () => 'panel.innerHTML = headline;')).toEqual(warnings);
    const unplaced = [{ ...innerHtmlWarning, column: undefined }];
    expect(failingFindings(report({ warnings: unplaced }), () => PREACT_CODE[0])).toEqual(unplaced);
  });

  it('fails every error and every other warning, and ignores notices', () => {
    const error: LintMessage = { code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' };
    const warning: LintMessage = { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'too old' };
    const notice: LintMessage = { code: 'SOME_NOTICE', message: 'fyi' };
    const findings = failingFindings(
      report({ errors: [error], warnings: [warning], notices: [notice] }),
      () => PREACT_CODE[0],
    );
    expect(findings).toEqual([error, warning]);
  });
});
