// One click handler for every copy button of a page (client module of the provider-docs plugin).
// The buttons are plain markup, `<button class="pd-copy" data-copy="...">`, rendered by
// theme/CopyableCode or added below to the names of the generator's HTML regions: a page of
// thousands of names holds no copy state, effect or listener per name.
//
// After a copy the button shows "Copied" for about two seconds (or "Copy failed") and one
// polite live region of the page announces it.

const COPIED_MS = 2000;
const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
let region: HTMLElement | undefined;
let regionTimer: ReturnType<typeof setTimeout> | undefined;

/** Copies with a hidden textarea + execCommand, for browsers or contexts without the async API. */
function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const selection = document.getSelection();
  const previous = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(area);
  if (previous && selection) {
    selection.removeAllRanges();
    selection.addRange(previous);
  }
  return ok;
}

async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission denied or document not focused: fall through to the textarea
    }
  }
  return copyWithTextarea(text);
}

/** The page's one live region, made when the first page is shown (announcements need it in place beforehand). */
function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('span');
  region.className = 'pd-sr-only';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.appendChild(region);
  return region;
}

function announce(text: string): void {
  const r = liveRegion();
  r.textContent = text;
  clearTimeout(regionTimer);
  regionTimer = setTimeout(() => (r.textContent = ''), COPIED_MS);
}

function show(button: HTMLElement, status: 'idle' | 'copied' | 'failed'): void {
  button.dataset.status = status;
  button.querySelector(':scope > .pd-copy-label')?.remove();
  if (status === 'idle') return;
  const label = document.createElement('span');
  label.className = 'pd-copy-label';
  label.textContent = status === 'copied' ? 'Copied' : 'Copy failed';
  button.appendChild(label);
}

async function onClick(event: MouseEvent): Promise<void> {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button.pd-copy') : null;
  if (!target) return;
  const text = target.dataset.copy ?? '';
  const ok = await copyText(text);
  show(target, ok ? 'copied' : 'failed');
  announce(ok ? `Copied ${text}` : `Could not copy ${text}`);
  clearTimeout(timers.get(target));
  timers.set(target, setTimeout(() => show(target, 'idle'), COPIED_MS));
}

if (typeof document !== 'undefined') {
  document.addEventListener('click', (e) => void onClick(e));
}

/**
 * Names in the pages' HTML regions (`<code class="pd-copyable">`, see generator/render/spec-html.ts)
 * get the markup theme/CopyableCode renders: a wrapper and a button. React does not manage the
 * inside of a region, so adding elements there is safe; regions can be re-rendered (tabs, hot
 * reload in `docusaurus start`), so an observer catches regions that appear later.
 */
function addButtons(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('.pd-html code.pd-copyable')) {
    const text = code.textContent ?? '';
    const wrapper = document.createElement('span');
    wrapper.className = 'pd-copyable';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'pd-copy';
    button.dataset.copy = text;
    button.setAttribute('aria-label', `Copy ${text}`);
    code.classList.remove('pd-copyable');
    // A row's anchor goes on the wrapper, where theme/CopyableCode puts it.
    if (code.id) {
      wrapper.id = code.id;
      code.removeAttribute('id');
    }
    code.replaceWith(wrapper);
    wrapper.append(code, button);
  }
}

let observer: MutationObserver | undefined;
let scheduled = false;

function watchRegions(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      addButtons(document);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/** Docusaurus calls this after each page is shown: buttons and the live region are in place before the first copy. */
export function onRouteDidUpdate(): void {
  liveRegion();
  addButtons(document);
  watchRegions();
}
