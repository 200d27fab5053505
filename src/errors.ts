// Known errors (bad config, bad rule, bad usage) print one clear line and exit 2.
// Anything else is a bug and prints a stack.

export class KeyhoundError extends Error {
  constructor(
    message: string,
    /** How to fix it, shown after the message. */
    readonly fix?: string,
    /** `file:line[:column]` where the problem is, when known. */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'KeyhoundError';
  }

  /** One line: `where: message (fix: ...)`. */
  format(): string {
    const at = this.where ? `${this.where}: ` : '';
    const fix = this.fix ? ` Fix: ${this.fix}` : '';
    // One period after the message, whether or not it ends with one (paths keep their `..`).
    return `${at}${this.message.replace(/\.+$/, '')}.${fix}`;
  }
}

export class UsageError extends KeyhoundError {
  constructor(message: string, fix?: string) {
    super(message, fix);
    this.name = 'UsageError';
  }
}
