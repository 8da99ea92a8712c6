import type { RouteObject } from 'react-router-dom';
import { ContractPage } from './components/ContractPage';
import { ProcurementPage } from './components/ProcurementPage';

export const routes: RouteObject[] = [
  { path: 'procurement', element: <ProcurementPage /> },
  { path: 'procurement/contracts/:id', element: <ContractPage /> },
];
