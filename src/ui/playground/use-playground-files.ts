import { useCallback, useMemo, useRef, useState } from "react";
import type { PlaygroundBlock } from "../../lessons/lesson-model";
import { progressStore } from "../../store/progress-store";
import type { CodeEditorHandle } from "../editor/CodeEditor";
import type { Arrival } from "../share/arrival";
import { fileDraftKey } from "../../store/progress-schema";
import { useFileDrafts, type FileCodes } from "./use-file-drafts";
import type { FilesEditor } from "./use-replacement";

/**
 * A playground's helper files as its parts need them: their drafts, their editors' handles (the
 * editors own the text: a run and a share link read it there), the lesson's texts (Reset), the
 * student's own as the page opened (a share link's Back) and the editors as a replacement
 * handles them. Without helper files every part is empty and nothing changes.
 */
export function usePlaygroundFiles(key: string, block: PlaygroundBlock, arrival: Arrival | null) {
  const files = useMemo(() => block.files ?? [], [block.files]);
  const fileDrafts = useFileDrafts(key, files, arrival?.kind === "ok" ? arrival.program.files : undefined);
  const fileHandles = useRef<Record<string, CodeEditorHandle | null>>({});
  const originalFiles = useMemo<FileCodes>(() => Object.fromEntries(files.map((f) => [f.name, f.code])), [files]);
  const [ownFiles] = useState<FileCodes>(() => Object.fromEntries(files.map((f) => [f.name, progressStore().getState().blocks[fileDraftKey(key, f.name)]?.draft?.code ?? f.code])));
  const flushFiles = fileDrafts.flush;
  const filesEditor = useMemo<FilesEditor | undefined>(() => {
    if (files.length === 0) return undefined;
    const handle = (name: string) => fileHandles.current[name];
    return {
      texts: () => Object.fromEntries(files.map((f) => [f.name, handle(f.name)?.text() ?? f.code])),
      replace: (codes) => files.forEach((f) => codes[f.name] !== undefined && handle(f.name)?.replace(codes[f.name] ?? "")),
      undoReplace: (previous, replaced) => files.forEach((f) => handle(f.name)?.undoReplace(previous[f.name] ?? f.code, replaced[f.name] ?? f.code)),
      flush: flushFiles,
    };
  }, [files, flushFiles]);
  /** The helper files as their editors hold them now, for a run or a link. */
  const currentFiles = useCallback(() => files.map((f) => ({ name: f.name, code: fileHandles.current[f.name]?.text() ?? f.code })), [files]);
  /** The ref callback a file's editor hands its handle to. */
  const handleFor = useCallback(
    (name: string) => (handle: CodeEditorHandle | null) => {
      fileHandles.current[name] = handle;
    },
    [],
  );
  return { files, fileDrafts, handleFor, originalFiles, ownFiles, filesEditor, currentFiles };
}
