import { expect } from 'chai';

describe('api', () => {
  describe('#index', () => {
    it('should expose exactly the documented public surface', async () => {
      // Pinned from src/index.ts; a change to the public API must change this list on purpose.
      expect(Object.keys(await import('../src/index.js')).sort()).to.deep.equal([
        'BilldiffError',
        'alignTrees',
        'applyBills',
        'billInstructions',
        'changesInExistingLaw',
        'compare',
        'compareBillToLaw',
        'decodeInput',
        'defaultAlignOptions',
        'defaultWordDiffOptions',
        'describeVersion',
        'detectFormat',
        'diffClauseWords',
        'diffLevelWords',
        'diffRows',
        'executeInstructions',
        'findReferences',
        'formatDiagnostic',
        'isBilldiffError',
        'linearRows',
        'loadCorpus',
        'parseAction',
        'parseClauses',
        'parseDocument',
        'parseInstructions',
        'parseLevels',
        'readDocument',
        'renderHtml',
        'renderJson',
        'renderStatuteText',
        'renderTerminal',
        'renderWdiff',
        'resolveRequest',
        'rowChanges',
        'sectionText',
        'summarize',
      ]);
    });
  });
});
