// A page with Tabs in the generated markup style (values prop, no groupId): two sets offer the
// same values, a third offers others. Written into the tests' temp docs copy only.
const tabs = (values: string[], id: string) => `<Tabs
    defaultValue="${values[0]}"
    values={[
${values.map((v) => `        { label: '${v}', value: '${v}', },`).join('\n')}
    ]}
>
${values.map((v) => `<TabItem value="${v}">\n\n${id} ${v} body\n\n</TabItem>`).join('\n')}
</Tabs>`;

export const TABS_FIXTURE = {
  dir: 'site-test-fixtures/tabs-sync',
  url: '/site-test-fixtures/tabs-sync/',
  page: `---
title: tabs sync fixture
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

## first

${tabs(['create', 'manifest'], 'first')}

## second

${tabs(['create', 'manifest'], 'second')}

## other

${tabs(['create', 'manifest', 'extra'], 'other')}
`,
};
