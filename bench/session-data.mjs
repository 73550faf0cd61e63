/**
 * A SYNTHETIC session for the session benchmark, generated at bench time (never committed) from the
 * real sample rows of ../shared/corpus/ca-pubinfo/mini by renumbering: each synthetic bill is a copy
 * of one of the sample bills under a new number (AB 10000 and up), with the first three of its
 * versions (their lobs' caml:Id and MeasureNum renumbered too) and its history; each synthetic law
 * section is a copy of a sample section under a new number. The text is real legislative text,
 * repeated; the bills and sections it is filed under do not exist.
 */
import fs from 'node:fs';
import path from 'node:path';

const q = (v) => (v === null ? 'NULL' : `\`${String(v).replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}\``);

function readTable(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => line.split('\t').map((f) => (f === 'NULL' ? null : f.startsWith('`') ? f.slice(1, -1) : f)));
}

/**
 * Writes the session folder `dir`: BILL_TBL, BILL_VERSION_TBL, BILL_HISTORY_TBL, LAW_SECTION_TBL and
 * their lobs. Returns the counts and the raw bytes written.
 */
export function generateSession(mini, dir, { bills = 5000, versionsPerBill = 3, sections = 20000 } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const billRows = readTable(path.join(mini, 'BILL_TBL.dat'));
  const versionRows = readTable(path.join(mini, 'BILL_VERSION_TBL.dat')).filter((r) => fs.existsSync(path.join(mini, r[14])));
  const historyRows = readTable(path.join(mini, 'BILL_HISTORY_TBL.dat'));
  const lawRows = readTable(path.join(mini, 'LAW_SECTION_TBL.dat')).filter((r) => fs.existsSync(path.join(mini, r[14])));
  const templates = billRows
    .map((b) => ({
      row: b,
      versions: versionRows.filter((v) => v[1] === b[0]).sort((x, y) => Number(y[2]) - Number(x[2])).slice(0, versionsPerBill),
      history: historyRows.filter((h) => h[0] === b[0]),
    }))
    .filter((t) => t.versions.length === versionsPerBill);
  if (!templates.length) throw new Error(`no sample bill in ${mini} has ${versionsPerBill} versions`);
  const lobs = new Map();
  const lob = (name) => {
    if (!lobs.has(name)) lobs.set(name, fs.readFileSync(path.join(mini, name), 'utf8'));
    return lobs.get(name);
  };
  const out = { bills: fs.openSync(path.join(dir, 'BILL_TBL.dat'), 'w'), versions: fs.openSync(path.join(dir, 'BILL_VERSION_TBL.dat'), 'w'), history: fs.openSync(path.join(dir, 'BILL_HISTORY_TBL.dat'), 'w'), laws: fs.openSync(path.join(dir, 'LAW_SECTION_TBL.dat'), 'w') };
  let lobNumber = 1;
  let historyId = 1;
  let versionCount = 0;
  for (let i = 0; i < bills; i++) {
    const t = templates[i % templates.length];
    const [oldId, year, sess, type, oldNum] = t.row;
    const num = 10000 + i;
    const billId = `${year}${sess}${type}${num}`;
    const b = [...t.row];
    b[0] = billId;
    b[4] = num;
    b[10] = (b[10] ?? '').replace(`${type}${oldNum}`, `${type}${num}`);
    fs.writeSync(out.bills, `${b.map((v, k) => (k === 4 ? String(v) : q(v))).join('\t')}\n`);
    for (const v of t.versions) {
      const r = [...v];
      const newVersionId = r[0].replace(`${type}${oldNum}`, `${type}${num}`);
      const name = `BILL_VERSION_TBL_${lobNumber++}.lob`;
      const text = lob(v[14])
        .replace(/<caml:Id>([^<]*)<\/caml:Id>/, (_m, id) => `<caml:Id>${id.replace(/_*\d+(\d\d[A-Z]{3})$/, `__${num}$1`)}</caml:Id>`)
        .replace(/<caml:MeasureNum>\d+<\/caml:MeasureNum>/, `<caml:MeasureNum>${num}</caml:MeasureNum>`);
      fs.writeFileSync(path.join(dir, name), text);
      r[0] = newVersionId;
      r[1] = billId;
      r[14] = name;
      fs.writeSync(out.versions, `${r.map((x, k) => (k === 2 || k === 14 ? String(x) : q(x))).join('\t')}\n`);
      versionCount++;
    }
    for (const h of t.history) {
      const r = [...h];
      r[0] = billId;
      r[1] = historyId++;
      fs.writeSync(out.history, `${r.map((x, k) => (k === 1 ? String(x) : q(x))).join('\t')}\n`);
    }
  }
  for (let i = 0; i < sections; i++) {
    const r = [...lawRows[i % lawRows.length]];
    const number = `${90000 + i}.`;
    const name = `LAW_SECTION_TBL_${100000 + i}.lob`;
    fs.writeFileSync(path.join(dir, name), lob(r[14]));
    r[0] = `${r[1]}${number}${i}`;
    r[2] = number;
    r[14] = name;
    fs.writeSync(out.laws, `${r.map((x, k) => (k === 14 ? String(x) : q(x))).join('\t')}\n`);
  }
  for (const fd of Object.values(out)) fs.closeSync(fd);
  return { bills, versions: versionCount, sections, bytes: folderBytes(dir) };
}

/**
 * A day's file whose rows are already in the database, byte for byte: the first `bills` bills with
 * their versions and history, and the first `sections` law sections, copied out of the session.
 */
export function generateUnchangedDaily(session, dir, { bills = 200, sections = 400 } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const take = (file, keep) => {
    const lines = fs.readFileSync(path.join(session, file), 'utf8').split('\n').filter(Boolean).filter(keep);
    fs.writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
    return lines;
  };
  const ids = new Set(
    fs
      .readFileSync(path.join(session, 'BILL_TBL.dat'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, bills)
      .map((l) => l.split('\t')[0]),
  );
  take('BILL_TBL.dat', (l) => ids.has(l.split('\t')[0]));
  take('BILL_HISTORY_TBL.dat', (l) => ids.has(l.split('\t')[0]));
  for (const l of take('BILL_VERSION_TBL.dat', (l) => ids.has(l.split('\t')[1]))) fs.copyFileSync(path.join(session, l.split('\t')[14]), path.join(dir, l.split('\t')[14]));
  let n = 0;
  for (const l of take('LAW_SECTION_TBL.dat', () => n++ < sections)) fs.copyFileSync(path.join(session, l.split('\t')[14]), path.join(dir, l.split('\t')[14]));
  return { bytes: folderBytes(dir) };
}

export function folderBytes(dir) {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}
