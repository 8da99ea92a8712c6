import { type RefObject, useEffect, useRef, useState } from 'react';

/** The bpmn-js services the app calls, typed locally to keep diagram-js' generics out of the app. */
export interface CanvasService {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  addMarker(elementId: string, marker: string): void;
}
export interface ElementRegistryService {
  get(id: string): unknown;
}
export interface BpmnViewer {
  get<T>(service: string): T;
}
interface ViewerInstance extends BpmnViewer {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  destroy(): void;
}

export type BpmnViewerStatus = 'loading' | 'ready' | 'error';

/**
 * A read-only bpmn-js viewer in the returned container: loaded on demand (bpmn-js stays out of the initial bundle),
 * the XML imported, {@code decorate} called to add markers or overlays, the diagram fitted to the container, and the
 * viewer destroyed when the XML or {@code decorationKey} changes or the component goes away.
 *
 * @param decorationKey what {@code decorate} draws, as a string: the viewer is made anew only when it changes (arrays
 *                      from a query are new objects on every refetch; their content is what counts)
 * @param decorate      called once the diagram is imported; the latest one given is used
 */
export function useBpmnViewer(
  xml: string,
  decorationKey: string,
  decorate: (viewer: BpmnViewer) => void,
): { containerRef: RefObject<HTMLDivElement | null>; status: BpmnViewerStatus } {
  const containerRef = useRef<HTMLDivElement>(null);
  const decorateRef = useRef(decorate);
  decorateRef.current = decorate;
  const [status, setStatus] = useState<BpmnViewerStatus>('loading');

  useEffect(() => {
    let disposed = false;
    let viewer: ViewerInstance | undefined;
    setStatus('loading');
    import('./bpmnRuntime')
      .then(async ({ NavigatedViewer }) => {
        if (disposed || !containerRef.current) return;
        viewer = new NavigatedViewer({ container: containerRef.current }) as unknown as ViewerInstance;
        await viewer.importXML(xml);
        if (disposed) return;
        decorateRef.current(viewer);
        viewer.get<CanvasService>('canvas').zoom('fit-viewport', 'auto');
        setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('bpmn-js failed to render the diagram', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      viewer?.destroy();
    };
  }, [xml, decorationKey]);

  return { containerRef, status };
}

/** Adds the marker to each id that is drawn: ids of elements that are not (e.g. a process id) make addMarker throw. */
export function addMarkers(viewer: BpmnViewer, ids: Iterable<string>, marker: string) {
  const canvas = viewer.get<CanvasService>('canvas');
  const registry = viewer.get<ElementRegistryService>('elementRegistry');
  for (const id of ids) {
    if (registry.get(id)) canvas.addMarker(id, marker);
  }
}
