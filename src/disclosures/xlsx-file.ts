// The disclosure template as an XLSX workbook (exceljs): a "Facilities" sheet with the field names as headers and
// one example row, and a "Fields" sheet explaining each field and the clause it answers. Loaded on demand: exceljs
// is large, and only the options page and the CLI need it.
import { FIELD_SPECS } from './template';

export async function templateXlsx(rows: readonly (readonly string[])[] = [FIELD_SPECS.map((s) => s.example)]): Promise<Uint8Array> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'TenderLens';
  const sheet = workbook.addWorksheet('Facilities');
  sheet.addRow(FIELD_SPECS.map((s) => s.field)).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => (column.width = 24));
  const fields = workbook.addWorksheet('Fields');
  fields.addRow(['field', 'required', 'clause', 'what to write']).font = { bold: true };
  for (const spec of FIELD_SPECS) fields.addRow([spec.field, spec.required ? 'yes' : 'no', spec.clause, spec.description]);
  fields.getColumn(4).width = 90;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
