/** An error whose message is already the line to show the operator. */
export class CliError extends Error {}
