/**
 * Prints the README's table-kind reference from the table schemas themselves, so the
 * documentation cannot drift from the code: `npx tsx test/support/tableKindsDoc.ts`.
 */
import { TABLE_KINDS, TABLE_KIND_ORDER, type ColumnType } from '../../src/workbook/tableKinds';

function typeText(type: ColumnType): string {
  switch (type.kind) {
    case 'amount':
      return type.nonNegative ? 'amount (£, 0 or more)' : 'amount (£)';
    case 'number':
      return type.nonNegative ? 'number (0 or more)' : 'number';
    case 'fraction':
      return type.signed ? 'percentage (−100% to 100%)' : 'percentage (0% to 100%)';
    case 'integer':
      return `whole number${type.min === undefined ? '' : ` (${type.min} or more)`}`;
    case 'text':
      return 'text';
    case 'enum':
      return `one of: ${type.options.map((o) => o.value).join(', ')}`;
  }
}

const cell = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);

for (const id of TABLE_KIND_ORDER) {
  const kind = TABLE_KINDS[id];
  console.log(`### ${kind.defaultName} (sheet "${kind.sheet}")\n\n${kind.purpose}\n`);
  console.log('| Column | Also accepted | Type | Required |\n|---|---|---|---|');
  for (const c of kind.columns) {
    console.log(
      `| ${c.header} | ${c.aliases.join(', ')} | ${typeText(c.type)} | ${c.required ? 'yes' : 'no'} |`,
    );
  }
  if (kind.examples.length > 0) {
    console.log('\n```');
    console.log(kind.columns.map((c) => c.header).join(' | '));
    for (const row of kind.examples.slice(0, 3)) console.log(row.map(cell).join(' | '));
    console.log('```\n');
  }
}
