import type { Runner } from "../trace/run";

export type RunnerChoice = Runner | "all";

const CHOICES: { value: RunnerChoice; label: string; hint: string }[] = [
  { value: "all", label: "All three", hint: "run main, async and workers one after another and compare" },
  { value: "main", label: "Main thread", hint: "tasks one after another on the page's thread" },
  { value: "async", label: "Async", hint: "async tasks sharing the page's thread" },
  { value: "workers", label: "Workers", hint: "a pool of Web Workers, in parallel" },
];

export function runnersOf(choice: RunnerChoice): Runner[] {
  return choice === "all" ? ["main", "async", "workers"] : [choice];
}

export function RunnerPicker({ value, onChange, name }: { value: RunnerChoice; onChange(v: RunnerChoice): void; name: string }) {
  return (
    <fieldset className="runner-picker">
      <legend className="visually-hidden">Run the tasks</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} title={choice.hint} className={choice.value === value ? "checked" : undefined}>
          <input type="radio" name={name} value={choice.value} checked={choice.value === value} onChange={() => onChange(choice.value)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
