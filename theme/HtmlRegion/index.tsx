import React, { type ReactNode } from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

export interface HtmlRegionProps {
  /** The region's markup, written and escaped by the generator (generator/render/spec-html.ts). */
  html: string;
  /**
   * The ids the markup holds (the Methods and Parameters rows of the detailed layout). Docusaurus'
   * broken-link check sees the anchors of React elements only: without this, markdown links to a
   * row (`[x](#method-get)`, from this page or another) would fail the build.
   */
  anchors?: readonly string[];
}

/**
 * One HTML region of a generated page: markup React passes through as one string, so its
 * thousands of elements cost no React element each. A region without anchors is written as a
 * plain `<div className="pd-html">` in the page; this component is the same div plus the anchors.
 */
export default function HtmlRegion({ html, anchors }: HtmlRegionProps): ReactNode {
  const brokenLinks = useBrokenLinks();
  for (const id of anchors ?? []) brokenLinks.collectAnchor(id);
  return <div className="pd-html" dangerouslySetInnerHTML={{ __html: html }} />;
}
