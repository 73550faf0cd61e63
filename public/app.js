// billdiff: keyboard navigation between changes (n / p) and opening folded clauses that a
// link points into. On a long comparison shown a page at a time, n / p go on to the next or
// previous page, and a link to a clause on another page (#c-…) is sent to that page.
// No inline script anywhere: this file is the page's only script.
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

  /** The pager of a paged comparison (with where the changes before and after this page are). */
  const pager = () => document.querySelector('nav.pager[data-locate]');

  /** A clause that is not on this page: ask the server which page has it, and go there. */
  const locate = async (hash) => {
    const nav = pager();
    if (!nav || !/^#c-/.test(hash)) return;
    try {
      const anchor = decodeURIComponent(hash.slice(1));
      const response = await fetch(`${nav.dataset.locate}&anchor=${encodeURIComponent(anchor)}`, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const { href } = await response.json();
      if (typeof href === 'string' && href.startsWith('/compare?')) location.replace(href + hash);
    } catch {
      // Stay on this page.
    }
  };

  const showHashTarget = () => {
    const target = targetOfHash();
    if (target) {
      reveal(target);
      target.scrollIntoView({ block: 'start' });
    } else if (location.hash.length > 1) {
      void locate(location.hash);
    }
  };

  let current = -1;

  const go = (step) => {
    const list = changes();
    const top = 80;
    let next;
    if (current < 0 || current >= list.length) {
      // Start from the first change below (n) or above (p) the top of the window.
      const below = list.findIndex((row) => row.getBoundingClientRect().top > top + 1);
      next = step > 0 ? (below === -1 ? list.length : below) : (below === -1 ? list.length : below) - 1;
    } else {
      next = current + step;
    }
    // Past the first or last change of this page: on to the change on the page before or after.
    const away = next >= list.length ? pager()?.dataset.nextChange : next < 0 ? pager()?.dataset.prevChange : undefined;
    if (away) {
      location.assign(away);
      return;
    }
    if (!list.length) return;
    current = Math.min(list.length - 1, Math.max(0, next));
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
  document.addEventListener('DOMContentLoaded', () => {
    current = changes().findIndex((row) => row.id && `#${row.id}` === location.hash);
    showHashTarget();
  });
})();
