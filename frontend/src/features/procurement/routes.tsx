import type { RouteObject } from 'react-router-dom';
import { CatalogItemPage } from './components/CatalogItemPage';
import { ContractPage } from './components/ContractPage';
import { ProcurementPage } from './components/ProcurementPage';

export const routes: RouteObject[] = [
  { path: 'procurement', element: <ProcurementPage /> },
  { path: 'procurement/contracts/:id', element: <ContractPage /> },
  { path: 'procurement/items/:code', element: <CatalogItemPage /> },
];
