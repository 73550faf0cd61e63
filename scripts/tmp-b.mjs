import fs from 'node:fs';
import { baselineWdiff } from '/work/wt-redline/scripts/baseline.mjs';
const d = '/work/shared/eval/cases/' + process.argv[2];
console.log(baselineWdiff(fs.readFileSync(d + '/old.txt', 'utf8'), fs.readFileSync(d + '/new.txt', 'utf8')).slice(0, 3000));
