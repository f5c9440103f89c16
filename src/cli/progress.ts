import cliProgress from 'cli-progress';

/** A row counter on a terminal's stderr; silent when stderr is not a terminal (logs, pipes). */
export function rowProgress(firstFile: string) {
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: ' {file} {value} rows | {duration}s', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(0, 0, { file: firstFile });
  return {
    update: ({ file, rows }: { file: string; rows: number }) => { bar?.setTotal(rows); bar?.update(rows, { file }); },
    stop: () => bar?.stop(),
  };
}
