import type { RouteObject } from 'react-router-dom';
import { DiffPage } from './components/DiffPage';
import { EditorPage } from './components/EditorPage';
import { LibraryPage } from './components/LibraryPage';
import { ModelPage } from './components/ModelPage';

export const routes: RouteObject[] = [
  { path: 'designer', element: <LibraryPage /> },
  { path: 'designer/:kind/:key', element: <ModelPage /> },
  { path: 'designer/:kind/:key/edit', element: <EditorPage /> },
  { path: 'designer/process/:key/diff', element: <DiffPage /> },
];
