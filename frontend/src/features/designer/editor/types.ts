/** What the editor page needs from whichever bpmn.io editor is mounted. */
export interface EditorHandle {
  getContent(): Promise<string>;
  /** Selects and reveals a diagram element (BPMN only). */
  reveal?(elementId: string): void;
}

export interface LintIssue {
  id: string;
  message: string;
  category: string;
  rule?: string;
}
