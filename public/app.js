// billdiff: keyboard navigation between changes (n / p) and opening folded clauses that a
// link points into. No inline script anywhere: this file is the page's only script.
(() => {
  'use strict';

  /** Changed rows and folded redesignation groups, in page order. */
  const changes = () => Array.from(document.querySelectorAll('tr.change, tr.fold-redesignated'));

  /** Opens every closed <details> around an element, so a link target is visible. */
  const reveal = (element) => {
    for (let node = element; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS' && !node.open) node.open = true;
    }
  };

  const targetOfHash = () => {
    if (location.hash.length < 2) return null;
    try {
      return document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch {
      return null;
    }
  };

  const showHashTarget = () => {
    const target = targetOfHash();
    if (target) {
      reveal(target);
      target.scrollIntoView({ block: 'start' });
    }
  };

  let current = -1;

  const go = (step) => {
    const list = changes();
    if (!list.length) return;
    const top = 80;
    if (current < 0 || current >= list.length) {
      // Start from the first change below (n) or above (p) the top of the window.
      const below = list.findIndex((row) => row.getBoundingClientRect().top > top + 1);
      current = step > 0 ? (below === -1 ? list.length - 1 : below) : Math.max(0, (below === -1 ? list.length : below) - 1);
    } else {
      current = Math.min(list.length - 1, Math.max(0, current + step));
    }
    const row = list[current];
    reveal(row);
    if (row.id) history.replaceState(null, '', `#${row.id}`);
    row.scrollIntoView({ block: 'start' });
    document.querySelectorAll('tr.current').forEach((r) => r.classList.remove('current'));
    row.classList.add('current');
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const field = event.target;
    if (field instanceof HTMLElement && (field.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName))) return;
    if (event.key === 'n' || event.key === 'j') go(1);
    else if (event.key === 'p' || event.key === 'k') go(-1);
    else return;
    event.preventDefault();
  });

  window.addEventListener('hashchange', () => {
    current = changes().findIndex((row) => row.id && `#${row.id}` === location.hash);
    showHashTarget();
  });
  document.addEventListener('DOMContentLoaded', showHashTarget);
})();
