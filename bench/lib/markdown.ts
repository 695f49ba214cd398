/** @module The markdown tables the bench prints and bench/README.md reproduces. */

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A target checked against a measured figure; `met: null` when it could not be measured. */
export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export function targetsTable(targets: Target[]): string {
  return table(
    ['Target', 'Goal', 'Measured', 'Met'],
    targets.map((target) => [
      target.name,
      target.target,
      target.measured,
      target.met === null ? 'not measured' : target.met ? 'yes' : '**missed**',
    ]),
  );
}
