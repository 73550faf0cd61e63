import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { runCli } from '../helpers/cli.js';

// Every text written here is synthetic, written for these tests, not real law.
const OLD = '(a) The old text.\n(b) Same.\n';
const NEW = '(a) The new text.\n(b) Same.\n';

describe('cli/main', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-cli-'));
    fs.writeFileSync(file('old.txt'), OLD);
    fs.writeFileSync(file('new.txt'), NEW);
    fs.writeFileSync(file('binary.txt'), Buffer.from([0x28, 0x61, 0x29, 0x0a, 0x41, 0x00, 0x42]));
    fs.writeFileSync(file('latin1.txt'), Buffer.from('(a) ok\nline two caf\xe9 x\n', 'latin1'));
    fs.writeFileSync(file('empty.txt'), '');
    fs.writeFileSync(file('prose1.txt'), 'Just some prose here.\nAnother line of prose.\n');
    fs.writeFileSync(file('prose2.txt'), 'Just some prose there.\nAnother line of prose.\n');
    fs.writeFileSync(file('bill-9999.txt'), 'SECTION 1. Section 9999 of the Penal Code is amended to read:\n9999.\n(a) A new rule about something.\n');
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (argv: string[], options: Parameters<typeof runCli>[1] = {}) => runCli(argv, { cwd: dir, ...options });

  /** An error line: `file:line:col: message`, one line, no stack trace. */
  const expectCleanError = (stderr: string) => {
    expect(stderr).to.not.match(/\n\s+at /);
    expect(stderr.trimEnd().split('\n')).to.have.length(1);
  };

  describe('#main exit codes', () => {
    it('should exit 0 with the text unmarked when a file is compared with itself', async () => {
      expect(await run(['old.txt', 'old.txt'])).to.deep.equal({ code: 0, stdout: OLD, stderr: '' });
    });

    it('should exit 1 and print the wdiff when the texts differ (not a TTY)', async () => {
      expect(await run(['old.txt', 'new.txt'])).to.deep.equal({ code: 1, stdout: '(a) The [-old-] {+new+} text.\n(b) Same.\n', stderr: '' });
    });

    it('should exit 2 for a missing file, naming it', async () => {
      const r = await run(['missing.txt', 'new.txt']);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.equal('missing.txt:1:1: no such file, and no document with this id in the corpus (billdiff --list shows them)\n');
    });

    it('should say how to compare a bill’s versions by name when an input is a bill’s citation', async () => {
      const r = await run(['AB 1656']);
      expect(r).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: 'AB 1656:1:1: no such file, and no document with this id in the corpus (billdiff --list shows them); for the versions of a bill of the database, name two: billdiff "AB 1656" --from previous --to latest (billdiff bill "AB 1656" lists them)\n',
      });
    });

    it('should exit 2 for a binary file, with the place of the NUL byte', async () => {
      const r = await run(['binary.txt', 'new.txt']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal('binary.txt:2:2: input looks binary (it holds a NUL byte); give a text, Markdown or XML file\n');
    });

    it('should exit 2 for invalid UTF-8, with the place of the bad byte', async () => {
      const r = await run(['latin1.txt', 'new.txt']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal('latin1.txt:2:13: input is not valid UTF-8 (bad byte 0xe9)\n');
    });

    it('should exit 2 with the usage for no arguments', async () => {
      const r = await run([]);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/^billdiff: give OLD and NEW \(or one CAML bill version\); got 0 inputs\n\nUsage:\n/);
    });

    it('should exit 2 for an unknown format', async () => {
      const r = await run(['old.txt', 'new.txt', '--format', 'xml']);
      expect(r).to.deep.equal({ code: 2, stdout: '', stderr: 'billdiff: unknown format "xml": use terminal, wdiff, json, html, text\n' });
    });

    it('should exit 2 for an unknown option', async () => {
      const r = await run(['old.txt', 'new.txt', '--frobnicate']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^billdiff: Unknown option '--frobnicate'/);
    });

    it('should exit 2 for malformed XML with file:line:col and no stack trace', async () => {
      fs.writeFileSync(file('bad.xml'), '<?xml version="1.0"?>\n<Bill>\n<p>one</Bill>\n');
      const r = await run(['bad.xml', 'new.txt']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^bad\.xml:3:\d+: XML is not well-formed: /);
      expectCleanError(r.stderr);
    });

    it('should exit 0 for --help and --version', async () => {
      const help = await run(['--help']);
      expect(help.code).to.equal(0);
      expect(help.stdout).to.match(/^Usage:\n/);
      const version = await run(['--version']);
      expect(version).to.deep.include({ code: 0 });
      expect(version.stdout).to.match(/^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('#main inputs and outputs', () => {
    it('should write -o FILE and nothing to stdout', async () => {
      const r = await run(['old.txt', 'new.txt', '-o', 'out.txt']);
      expect(r).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      expect(fs.readFileSync(file('out.txt'), 'utf8')).to.equal('(a) The [-old-] {+new+} text.\n(b) Same.\n');
    });

    it('should replace an earlier -o FILE (and a link there, never its target), leaving nothing else beside it', async () => {
      const out = fs.mkdtempSync(path.join(dir, 'again-'));
      const target = path.join(out, 'result.txt');
      fs.writeFileSync(target, 'an earlier output\n');
      expect(await run(['old.txt', 'new.txt', '-o', target])).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      expect(await run(['old.txt', 'new.txt', '-o', target, '--format', 'json'])).to.include({ code: 1, stdout: '', stderr: '' });
      expect(JSON.parse(fs.readFileSync(target, 'utf8'))).to.include({ billdiff: 1 });
      expect(fs.readdirSync(out)).to.deep.equal(['result.txt']);
      const victim = file('kept.txt');
      fs.writeFileSync(victim, 'not billdiff output\n');
      fs.rmSync(target);
      fs.symlinkSync(victim, target);
      expect(await run(['old.txt', 'new.txt', '-o', target])).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      expect(fs.lstatSync(target).isSymbolicLink()).to.equal(false);
      expect(fs.readFileSync(target, 'utf8')).to.equal('(a) The [-old-] {+new+} text.\n(b) Same.\n');
      expect(fs.readFileSync(victim, 'utf8')).to.equal('not billdiff output\n');
      expect(fs.readdirSync(out)).to.deep.equal(['result.txt']);
    });

    it('should refuse to write the output over an input (exit 2, input unchanged)', async () => {
      for (const target of ['old.txt', './new.txt', file('old.txt')]) {
        const r = await run(['old.txt', 'new.txt', '-o', target]);
        expect(r.code).to.equal(2);
        expect(r.stderr).to.match(/: refusing to write the output over an input \(/);
        expectCleanError(r.stderr);
      }
      expect(fs.readFileSync(file('old.txt'), 'utf8')).to.equal(OLD);
      expect(fs.readFileSync(file('new.txt'), 'utf8')).to.equal(NEW);
    });

    it('should never write -o through a link planted at a temporary name, and leave no temporary file', async () => {
      const out = fs.mkdtempSync(path.join(dir, 'out-'));
      const victim = file('victim.txt');
      fs.writeFileSync(victim, 'not billdiff output\n');
      // The name the output's temporary file had (.NAME.PID.tmp), and a few more a guess might try.
      for (const name of [`.result.txt.${process.pid}.tmp`, '.result.txt.tmp', 'result.txt.tmp']) fs.symlinkSync(victim, path.join(out, name));
      const r = await run(['old.txt', 'new.txt', '-o', path.join(out, 'result.txt')]);
      expect(r).to.deep.equal({ code: 1, stdout: '', stderr: '' });
      expect(fs.readFileSync(victim, 'utf8')).to.equal('not billdiff output\n');
      expect(fs.readFileSync(path.join(out, 'result.txt'), 'utf8')).to.equal('(a) The [-old-] {+new+} text.\n(b) Same.\n');
      expect(fs.readdirSync(out).sort()).to.deep.equal([`.result.txt.${process.pid}.tmp`, '.result.txt.tmp', 'result.txt', 'result.txt.tmp']);
    });

    it('should read UTF-16 with a byte order mark, and say so with --verbose', async () => {
      fs.writeFileSync(file('new-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEW, 'utf16le')]));
      expect(await run(['old.txt', 'new-utf16.txt', '-v'])).to.deep.equal({
        code: 1,
        stdout: '(a) The [-old-] {+new+} text.\n(b) Same.\n',
        stderr: 'new-utf16.txt:1:1: warning: read as UTF-16 LE: the input opens with its byte order mark\n',
      });
    });

    it('should exit 2 when -o names a folder that does not exist, or a folder, saying so', async () => {
      expect(await run(['old.txt', 'new.txt', '-o', path.join('no-such-folder', 'out.txt')])).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: `${file('no-such-folder/out.txt')}:1:1: cannot write: there is no folder ${file('no-such-folder')}\n`,
      });
      fs.mkdirSync(file('out-folder'), { recursive: true });
      expect(await run(['old.txt', 'new.txt', '-o', 'out-folder'])).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: `${file('out-folder')}:1:1: cannot write: it is a folder; give the name of a file\n`,
      });
    });

    it('should exit 2 when -o cannot be written, with the reason and not the temporary file', async () => {
      // A name longer than the file system takes (255 bytes) fails as the temporary file is created.
      const long = `${'x'.repeat(250)}.txt`;
      expect(await run(['old.txt', 'new.txt', '-o', long])).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: `${file(long)}:1:1: cannot write: name too long (ENAMETOOLONG)\n`,
      });
    });

    it('should exit 2 when standard input is given twice', async () => {
      expect(await run(['-', '-'], { stdin: OLD })).to.deep.equal({
        code: 2,
        stdout: '',
        stderr: 'billdiff: standard input (-) can be only one of the inputs: it is read once\n',
      });
      expect((await run(['-', '--law', '-'], { stdin: OLD })).stderr).to.equal('billdiff: standard input (-) can be only one of the inputs: it is read once\n');
    });

    it('should exit 2 for a folder given as an input', async () => {
      fs.mkdirSync(file('folder'), { recursive: true });
      expect(await run(['folder', 'new.txt'])).to.deep.equal({ code: 2, stdout: '', stderr: 'folder:1:1: is a directory; give a file\n' });
    });

    it('should read - from stdin', async () => {
      const r = await run(['-', 'new.txt'], { stdin: OLD });
      expect(r).to.deep.equal({ code: 1, stdout: '(a) The [-old-] {+new+} text.\n(b) Same.\n', stderr: '' });
    });

    it('should name stdin <stdin> in the output', async () => {
      const r = await run(['-', 'new.txt', '-f', 'json'], { stdin: OLD });
      expect(JSON.parse(r.stdout).old).to.deep.equal({ file: '<stdin>', format: 'text' });
    });

    it('should exit 0 for two empty files', async () => {
      const r = await run(['empty.txt', 'empty.txt']);
      expect(r.code).to.equal(0);
      expect(r.stderr).to.equal('');
    });

    it('should show every level inserted when the old file is empty', async () => {
      expect(await run(['empty.txt', 'old.txt'])).to.deep.equal({ code: 1, stdout: '{+(a) The old text.+}\n{+(b) Same.+}\n', stderr: '' });
    });

    it('should compare files with no structure as text blocks and say so with -v', async () => {
      const r = await run(['prose1.txt', 'prose2.txt', '-v']);
      expect(r.code).to.equal(1);
      expect(r.stdout).to.equal('Just some prose [-here.-] {+there.+}\nAnother line of prose.\n');
      expect(r.stderr).to.equal(
        'prose1.txt:1:1: warning: no clause structure found (no section or subdivision designations); compared as plain text blocks\n' +
          'prose2.txt:1:1: warning: no clause structure found (no section or subdivision designations); compared as plain text blocks\n',
      );
    });

    it('should refuse a 50 MB input with a clear too-large error (exit 2), the mocha timeout guarding against a hang', async function () {
      this.timeout(15000);
      const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-big-'));
      const big = path.join(bigDir, 'big.txt');
      try {
        fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
        const r = await run([big, 'old.txt']);
        expect(r.code).to.equal(2);
        expect(r.stdout).to.equal('');
        expect(r.stderr).to.match(/input too large: 50\.0 MB, more than the 32\.0 MB billdiff reads/);
        expectCleanError(r.stderr);
      } finally {
        fs.rmSync(bigDir, { recursive: true, force: true });
      }
    });

    it('should honour --max-size', async () => {
      const r = await run(['old.txt', 'new.txt', '--max-size', '10']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal('old.txt:1:1: input too large: 28 bytes, more than the 10 bytes billdiff reads (raise it with --max-size)\n');
    });
  });

  describe('#main formats', () => {
    it('should print the terminal format with cues and no ANSI when NO_COLOR is set on a TTY', async () => {
      const r = await run(['old.txt', 'new.txt'], { isTTY: true, env: { NO_COLOR: '1' } });
      expect(r.code).to.equal(1);
      expect(r.stdout).to.not.include('\u001b[');
      expect(r.stdout).to.include('~ (a) The [-old-] {+new+} text.\n');
    });

    it('should colour the terminal format on a TTY without NO_COLOR', async () => {
      const r = await run(['old.txt', 'new.txt'], { isTTY: true, env: {} });
      expect(r.stdout).to.include('\u001b[31m');
    });

    it('should not colour when --no-color is given', async () => {
      const r = await run(['old.txt', 'new.txt', '--no-color'], { isTTY: true, env: {} });
      expect(r.stdout).to.not.include('\u001b[');
    });

    it('should print JSON and HTML on request', async () => {
      const json = await run(['old.txt', 'new.txt', '-f', 'json']);
      expect(JSON.parse(json.stdout).summary).to.deep.include({ modified: 1, unchanged: 1 });
      const html = await run(['old.txt', 'new.txt', '-f', 'html']);
      expect(html.code).to.equal(1);
      expect(html.stdout).to.match(/^<!doctype html>/);
      expect(html.stdout).to.include('<ins><span class="sr">inserted: </span>new</ins>');
    });
  });

  describe('#main corpus and law', () => {
    it('should compare two corpus ids', async () => {
      const r = await run(['ca-ab1656-2025-introduced', 'ca-ab1656-2025-amended-assembly', '-f', 'json']);
      expect(r.code).to.equal(1);
      const json = JSON.parse(r.stdout);
      expect(json.old.file).to.equal('ca-ab1656-2025-introduced');
      expect(json.new.file).to.equal('ca-ab1656-2025-amended-assembly');
    });

    it('should compare a corpus bill with --law ca-penal-code-1050', async () => {
      const r = await run(['ca-ab1656-2025-introduced', '--law', 'ca-penal-code-1050']);
      expect(r.code).to.equal(1);
      expect(r.stdout).to.include('[-he or she has-] {+they have+}');
    });

    it('should compare a CAML bill version with its own marks when given one input', async () => {
      const r = await run(['ca-ab1656-2025-amended-senate', '-f', 'json']);
      expect(r.code).to.equal(1);
      const json = JSON.parse(r.stdout);
      expect(json.old.label).to.equal('text before the change marks');
      expect(json.new.label).to.equal('as printed');
    });

    it('should exit 2 when one input carries no change marks', async () => {
      const r = await run(['old.txt']);
      expect(r).to.deep.equal({ code: 2, stdout: '', stderr: 'old.txt:1:1: this input carries no change marks; give OLD and NEW to compare two texts\n' });
    });

    it('should exit 2 naming the section when the bill amends a section the statute lacks', async () => {
      const r = await run(['bill-9999.txt', '--law', 'ca-penal-code-1050']);
      expect(r.code).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.equal('bill-9999.txt:1:12: the bill amends Section 9999 of the Penal Code, which the statute input (ca-penal-code-1050) does not contain\n');
    });

    it('should list the corpus', async () => {
      const r = await run(['--list']);
      expect(r.code).to.equal(0);
      expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).to.include.members(['ca-ab1656-2025-introduced', 'ca-penal-code-1050']);
    });
  });
});
