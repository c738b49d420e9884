/** The pane's row of tabs (the workspace's and the files mode's): each tab a value, its words and its test id. */
import { Tab, TabList } from '@fluentui/react-components';

export interface PaneTab<K extends string> {
  value: K;
  label: string;
}

export function PaneTabs<K extends string>({ tabs, selected, onSelect }: { tabs: PaneTab<K>[]; selected: K; onSelect: (k: K) => void }) {
  return (
    <TabList size="small" selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as K)}>
      {tabs.map((x) => (
        <Tab key={x.value} value={x.value} data-testid={`tab-${x.value}`}>
          {x.label}
        </Tab>
      ))}
    </TabList>
  );
}
