import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_MARKER, BpmnDiagram, COMPLETED_MARKER } from './BpmnDiagram';
import { BpmnHeatmap } from './BpmnHeatmap';

/** A stand-in for bpmn-js' NavigatedViewer: records what the app asks of it; the diagram has the ids in DRAWN. */
const DRAWN = ['start', 'triage', 'dispatch'];
const viewers: FakeViewer[] = [];
let failImport = false;

class FakeViewer {
  container: HTMLElement;
  xml?: string;
  markers: [string, string][] = [];
  zoomed: string[] = [];
  destroyed = false;
  clicks: ((e: { element: { id: string } }) => void)[] = [];

  constructor({ container }: { container: HTMLElement }) {
    this.container = container;
    viewers.push(this);
  }

  importXML(xml: string) {
    this.xml = xml;
    return failImport ? Promise.reject(new Error('unparsable')) : Promise.resolve({ warnings: [] });
  }

  get(service: string): unknown {
    switch (service) {
      case 'canvas':
        return {
          addMarker: (id: string, marker: string) => {
            if (!DRAWN.includes(id)) throw new Error(`no element ${id}`);
            this.markers.push([id, marker]);
          },
          zoom: (level: string) => this.zoomed.push(level),
        };
      case 'elementRegistry':
        return { get: (id: string) => (DRAWN.includes(id) ? { id } : undefined) };
      case 'overlays':
        return { add: (_id: string, overlay: { html: HTMLElement }) => this.container.appendChild(overlay.html) };
      case 'eventBus':
        return { on: (_event: string, callback: (e: { element: { id: string } }) => void) => this.clicks.push(callback) };
      default:
        throw new Error(service);
    }
  }

  destroy() {
    this.destroyed = true;
  }
}

vi.mock('./bpmnRuntime', () => ({ NavigatedViewer: FakeViewer }));

beforeEach(() => {
  viewers.length = 0;
  failImport = false;
});

describe('useBpmnViewer, through the diagrams that use it', () => {
  it('imports the model, marks the drawn steps, fits the view and says it is ready', async () => {
    render(<BpmnDiagram xml="<a/>" activeIds={['dispatch', 'Process_1']} completedIds={['start', 'triage']} />);
    await waitFor(() => expect(screen.getByTestId('bpmn-diagram')).toHaveAttribute('data-state', 'ready'));
    expect(viewers).toHaveLength(1);
    expect(viewers[0].xml).toBe('<a/>');
    expect(viewers[0].markers).toEqual([
      ['start', COMPLETED_MARKER],
      ['triage', COMPLETED_MARKER],
      ['dispatch', ACTIVE_MARKER],
    ]);
    expect(viewers[0].zoomed).toEqual(['fit-viewport']);
  });

  it('keeps the viewer while the content is the same and makes it anew (destroying the old) when it changes', async () => {
    const { rerender, unmount } = render(<BpmnDiagram xml="<a/>" activeIds={['triage']} />);
    await waitFor(() => expect(screen.getByTestId('bpmn-diagram')).toHaveAttribute('data-state', 'ready'));
    rerender(<BpmnDiagram xml="<a/>" activeIds={['triage']} />);
    expect(viewers).toHaveLength(1);

    rerender(<BpmnDiagram xml="<a/>" activeIds={['dispatch']} />);
    await waitFor(() => expect(viewers).toHaveLength(2));
    await waitFor(() => expect(viewers[1].markers).toEqual([['dispatch', ACTIVE_MARKER]]));
    expect(viewers[0].destroyed).toBe(true);

    unmount();
    expect(viewers[1].destroyed).toBe(true);
  });

  it('says so when the model cannot be drawn', async () => {
    failImport = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<BpmnDiagram xml="not bpmn" />);
    await waitFor(() => expect(screen.getByTestId('bpmn-diagram')).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('puts a badge on each drawn activity of the heat map and selects an activity by its badge or its shape', async () => {
    const onSelect = vi.fn();
    render(
      <BpmnHeatmap
        xml="<a/>"
        cells={{ triage: { label: '12', level: 3, waiting: 2 }, gone: { label: '1', level: 1, waiting: 0 } }}
        onSelect={onSelect}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('bpmn-heatmap')).toHaveAttribute('data-state', 'ready'));
    expect(viewers[0].markers).toEqual([['triage', 'gf-heat-3']]);
    expect(viewers[0].zoomed).toEqual(['fit-viewport']);
    expect(screen.queryByTestId('heat-gone')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('heat-triage'));
    expect(onSelect).toHaveBeenLastCalledWith('triage');
    act(() => viewers[0].clicks.forEach((click) => click({ element: { id: 'start' } })));
    expect(onSelect).toHaveBeenCalledTimes(1);
  });
});
