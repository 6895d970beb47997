import React, { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import BreakableName from '@theme/BreakableName';
import styles from './styles.module.css';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export interface CopyableCodeProps {
  /** The text shown inline and copied by the button. */
  code: string;
  className?: string;
  /**
   * An anchor on the name (the Methods and Parameters rows of the detailed layout). Registered
   * with Docusaurus' broken-link check, which sees anchors of headings and links only: a plain
   * `<a id>` in MDX is invisible to it, so markdown links to it (`[x](#method-get)`) failed the build.
   */
  id?: string;
}

const COPIED_MS = 2000;

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
  if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // permission denied or document not focused: fall through to the textarea
    }
  }
  return copyWithTextarea(text);
}

function CopyIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z"
      />
    </svg>
  );
}

function CheckIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z" />
    </svg>
  );
}

/**
 * Inline code with a copy button. After a copy the button shows "Copied" for about two seconds
 * and a polite live region announces it.
 */
export default function CopyableCode({ code, className, id }: CopyableCodeProps): ReactNode {
  const brokenLinks = useBrokenLinks();
  if (id) brokenLinks.collectAnchor(id);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onCopy = useCallback(async () => {
    const ok = await copyText(code);
    setStatus(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), COPIED_MS);
  }, [code]);

  const copied = status === 'copied';
  return (
    <span className={cx(styles.copyable, className)} id={id}>
      <code className={styles.code}>
        <BreakableName text={code} />
      </code>
      <button
        type="button"
        className={cx(styles.button, copied && styles.copied)}
        onClick={onCopy}
        aria-label={`Copy ${code}`}
        title={copied ? 'Copied' : `Copy ${code}`}
        data-status={status}
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
        {status !== 'idle' && (
          <span className={styles.label}>{copied ? 'Copied' : 'Copy failed'}</span>
        )}
      </button>
      <span className={styles.srOnly} role="status" aria-live="polite">
        {copied ? `Copied ${code}` : status === 'failed' ? `Could not copy ${code}` : ''}
      </span>
    </span>
  );
}
