import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { usePluginData } from '@docusaurus/useGlobalData';
import styles from './styles.module.css';

interface ProviderSummary {
  name: string;
  title: string;
  description: string;
  permalink: string;
  services: number;
  resources: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The home page of a provider-docs site: the site's title and tagline, and a card per provider. */
export default function ProviderDocsHome(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  const { providers } = usePluginData('provider-docs') as { providers: ProviderSummary[] };
  return (
    <Layout title="Providers" description={siteConfig.tagline}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1">{siteConfig.title}</Heading>
          <p className={styles.tagline}>{siteConfig.tagline}</p>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2" id="providers">
          Providers
        </Heading>
        {providers.length === 0 ? (
          <p>No provider pages were generated.</p>
        ) : (
          <ul className={styles.grid}>
            {providers.map((p) => (
              <li key={p.name} className={styles.card}>
                <Link to={p.permalink} className={styles.cardLink}>
                  <Heading as="h3" className={styles.cardTitle}>
                    {p.title}
                  </Heading>
                  {p.description && <p className={styles.description}>{p.description}</p>}
                  <p className={styles.counts}>
                    {plural(p.services, 'service')} · {plural(p.resources, 'resource')}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </Layout>
  );
}
