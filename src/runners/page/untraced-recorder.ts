import { RunRecorder } from "../../trace/recorder";

/**
 * Records output and tasks but no spans: what a run costs without tracing, so the
 * benchmark can show what tracing adds. Never used for what students see.
 */
export class UntracedRecorder extends RunRecorder {
  override enter(): void {}
  override leave(): void {}
  override addStartup(): void {}
}
