/** Which findings of `web-ext lint --output json` fail the build. */

export interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Reads the built code around a finding (the bundles are minified: one line can be a whole file). */
export type CodeAt = (file: string, line: number, column: number) => string | undefined;

/**
 * Preact sets `innerHTML` only for `dangerouslySetInnerHTML`, which our ESLint bans from our code;
 * the linter cannot know that, so this one warning, at that exact assignment in the bundled Preact,
 * is not ours. Anything else, even the same code elsewhere, fails.
 */
function isPreactInnerHtml(warning: LintMessage, codeAt: CodeAt): boolean {
  const { code, file, line, column } = warning;
  if (code !== 'UNSAFE_VAR_ASSIGNMENT' || !file || !line || !column) return false;
  return /\.innerHTML\s*=\s*\w+\.__html\b/.test(codeAt(file, line, column) ?? '');
}

/** Every error, and every warning but Preact's own. */
export function failingFindings(report: LintReport, codeAt: CodeAt): LintMessage[] {
  return [...report.errors, ...report.warnings.filter((warning) => !isPreactInnerHtml(warning, codeAt))];
}

export function describeFinding({ code, message, description, file, line, column }: LintMessage): string {
  const where = file ? ` (${[file, line, column].filter((part) => part !== undefined).join(':')})` : '';
  return `${code}: ${message}${where}${description ? `\n    ${description}` : ''}`;
}
