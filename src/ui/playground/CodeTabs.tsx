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

/** TypeScript, its Python equivalent, the solution: one tab list (ARIA tabs pattern). */
export function CodeTabs({ tabs, label, selected, onSelect }: CodeTabsProps) {
  const base = useId();
  if (tabs.length === 1) return <>{tabs[0]?.content}</>;
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
    <div className="code-tabs">
      <div role="tablist" aria-label={label} className="code-tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
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
        <div key={tab.id} id={`${base}-panel-${tab.id}`} role="tabpanel" aria-labelledby={`${base}-tab-${tab.id}`} hidden={tab.id !== current?.id}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
