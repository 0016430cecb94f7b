import type { Runner } from "../../trace/run";

export type RunnerChoice = Runner | "all";

const CHOICES: { value: RunnerChoice; label: string; hint: string }[] = [
  { value: "all", label: "All three", hint: "run every runner one after another and compare" },
  { value: "main", label: "Main thread", hint: "tasks one after another on the page's thread" },
  { value: "async", label: "Async", hint: "async tasks sharing the page's thread" },
  { value: "workers", label: "Workers", hint: "a pool of Web Workers, in parallel" },
];

/** The runners a choice stands for, among those the playground offers. */
export function runnersOf(choice: RunnerChoice, offered: readonly Runner[] = ["main", "async", "workers"]): Runner[] {
  return choice === "all" ? [...offered] : [choice];
}

interface RunnerPickerProps {
  value: RunnerChoice;
  onChange(v: RunnerChoice): void;
  name: string;
  /** The runners this playground offers (a lesson may offer fewer than three). */
  offered?: readonly Runner[];
}

export function RunnerPicker({ value, onChange, name, offered = ["main", "async", "workers"] }: RunnerPickerProps) {
  const choices = CHOICES.filter((c) => (c.value === "all" ? offered.length > 1 : offered.includes(c.value))).map((c) =>
    c.value === "all" && offered.length === 2 ? { ...c, label: "Both" } : c,
  );
  return (
    <fieldset className="runner-picker">
      <legend className="visually-hidden">Run the tasks</legend>
      {choices.map((choice) => (
        <label key={choice.value} title={choice.hint} className={choice.value === value ? "checked" : undefined}>
          <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
