/** Where a cli command writes its lines: stdout in main.ts, an array in tests. */
export interface CliOutput {
  log(line: string): void;
}
