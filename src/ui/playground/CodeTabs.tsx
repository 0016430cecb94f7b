import { useId, type ReactNode } from "react";

export interface CodeTab {
  id: string;
  label: string;
  content: ReactNode;
}

interface CodeTabsProps {
  tabs: CodeTab[];
  label: string;
  /** Controlled by the playground: a replacement or "Compare with the solution" switches tabs. */
  selected: string;
  onSelect(id: string): void;
}

/** The program (main.ts and its helper files), its Python equivalent, the solution: one tab list (ARIA tabs pattern). */
export function CodeTabs({ tabs, label, selected, onSelect }: CodeTabsProps) {
  const base = useId();
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  const move = (delta: number) => {
    const i = tabs.findIndex((t) => t.id === current?.id);
    const next = tabs[(i + delta + tabs.length) % tabs.length];
    if (next) {
      onSelect(next.id);
      document.getElementById(`${base}-tab-${next.id}`)?.focus();
    }
  };
  return (
    // One structure whatever the number of tabs: a tab appearing ("Show the solution") must not
    // remount the editor, which would lose its undo history and focus.
    <div className="code-tabs">
      <div role="tablist" aria-label={label} className="code-tablist" hidden={tabs.length === 1}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            data-tab={tab.id}
            role="tab"
            type="button"
            aria-selected={tab.id === current?.id}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(1);
              if (e.key === "ArrowLeft") move(-1);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        // Panels stay mounted (the editor keeps its state); only the selected one shows.
        <div key={tab.id} id={`${base}-panel-${tab.id}`} role={tabs.length === 1 ? undefined : "tabpanel"} aria-labelledby={tabs.length === 1 ? undefined : `${base}-tab-${tab.id}`} hidden={tab.id !== current?.id}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
